import { explainError } from '../../lib/error-explanation';
import { summariseError } from '../../lib/error-summary';
import { Badge, Icon } from '../../ui';
import './ErrorExplanation.css';

/** An error in plain words: what happened, why, and what to do; the raw message and code stay visible. */
export function ErrorExplanation({ error, compact = false }: { error: unknown; compact?: boolean }) {
  const { title, explanation, hint, code, retryable } = explainError(error);
  const { message } = summariseError(error);
  const remote = typeof error === 'object' && error !== null && (error as { source?: unknown }).source === 'remote';
  return (
    <div className={compact ? 'sy-explain sy-explain--compact' : 'sy-explain'}>
      <p className="sy-explain__title">
        {remote ? (
          <span title="The service the step called answered with this error: the words are its own">
            <Badge tone="warning">Remote error</Badge>{' '}
          </span>
        ) : null}
        {title}
      </p>
      {message ? <p className="sy-explain__message">{message}</p> : null}
      <p className="sy-explain__text">{explanation}</p>
      {hint ? (
        <p className="sy-explain__hint">
          <Icon name="bolt" size={14} />
          <span>{hint}</span>
        </p>
      ) : null}
      {code || retryable !== null ? (
        <p className="sy-explain__meta">
          {code ? (
            <>
              Code <code>{code}</code>
            </>
          ) : null}
          {retryable !== null ? (
            <span>{retryable ? 'Retried automatically before failing' : 'Not retried: replaying without a fix fails again'}</span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
