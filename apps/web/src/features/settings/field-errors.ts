import { ApiError } from '../../api';

/** The messages a 400 answer gives for one field (`details[].path`), to show under that field. */
export function fieldErrors(params: { error: unknown; path: string }): string[] {
  const { error, path } = params;
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return error.details
    .filter((detail) => detail.path === path || detail.path.startsWith(`${path}.`) || detail.path.startsWith(`${path}[`))
    .map((detail) => detail.message);
}

/** True when every detail of a 400 was shown beside a field, so a general error box would only repeat them. */
export function allDetailsShown(params: { error: unknown; paths: string[] }): boolean {
  const { error, paths } = params;
  if (!(error instanceof ApiError) || error.status !== 400 || error.details.length === 0) return false;
  return error.details.every((detail) =>
    paths.some((path) => fieldErrors({ error: new ApiError({ status: 400, code: '', message: '', details: [detail] }), path }).length > 0),
  );
}
