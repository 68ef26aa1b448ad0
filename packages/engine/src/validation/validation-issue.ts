/**
 * One reason a definition is invalid. `path` points at the field (`steps[1].condition`); for
 * expressions, `position` is the 0-based character offset of the error inside that field and
 * `token` the offending token, so an editor can underline it.
 */
export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
  position?: number;
  token?: string;
}
