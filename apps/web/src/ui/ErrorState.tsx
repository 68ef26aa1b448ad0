import { Button } from './Button';
import { Icon } from './Icon';
import './ErrorState.css';

export interface ErrorStateProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}

interface DetailedError {
  code?: unknown;
  details?: unknown;
}

function readDetails(error: unknown): { code: string | null; details: Array<{ path: string; message: string }> } {
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as DetailedError;
  const details = Array.isArray(candidate.details)
    ? candidate.details.filter(
        (detail): detail is { path: string; message: string } =>
          typeof detail === 'object' && detail !== null && typeof (detail as { message?: unknown }).message === 'string',
      )
    : [];
  return { code: typeof candidate.code === 'string' ? candidate.code : null, details };
}

/** Shows an error's message and, for API errors, their code and field details. */
export function ErrorState({ title = 'Something went wrong', error, onRetry }: ErrorStateProps) {
  const { code, details } = readDetails(error);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="sy-error" role="alert">
      <Icon name="alert" size={20} className="sy-error__icon" />
      <div className="sy-error__body">
        <p className="sy-error__title">{title}</p>
        <p className="sy-error__message">{message}</p>
        {details.length > 0 ? (
          <ul className="sy-error__details">
            {details.map((detail, index) => (
              <li key={`${detail.path}-${index}`}>
                {detail.path ? <code>{detail.path}</code> : null} {detail.message}
              </li>
            ))}
          </ul>
        ) : null}
        {code ? <p className="sy-error__code">Error code: {code}</p> : null}
      </div>
      {onRetry ? (
        <Button size="sm" icon="refresh" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}
