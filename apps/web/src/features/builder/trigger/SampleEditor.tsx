import { useId, useState } from 'react';
import { Button, Dialog, Field } from '../../../ui';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { handMadeTrigger, headerProblem, parseJsonText } from './sample-text';

const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 2);

/**
 * "Edit by hand": a sample typed or pasted as JSON (issue 19). It is marked as hand-made wherever it
 * is shown, is kept only in this browser, and never becomes or changes a captured request.
 */
export function SampleEditor() {
  const { store } = useBuilderContext();
  const sample = useBuilderState((state) => state.sample);
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [headers, setHeaders] = useState('');
  const bodyId = useId();
  const headersId = useId();

  const parsedBody = parseJsonText({ text: body, field: 'Body' });
  const parsedHeaders = headers.trim()
    ? parseJsonText({ text: headers, field: 'Headers', requireObject: true })
    : { ok: true as const, value: {} };
  const headerError = parsedHeaders.ok ? headerProblem(parsedHeaders.value as Record<string, unknown>) : parsedHeaders.error;
  const valid = parsedBody.ok && !headerError;

  function start() {
    setBody(pretty(sample?.trigger.body ?? { id: 'ord_1', email: 'ann@example.com' }));
    setHeaders(pretty(sample?.trigger.headers ?? { 'content-type': 'application/json' }));
    setOpen(true);
  }

  function use() {
    if (!parsedBody.ok || headerError) return;
    const trigger = handMadeTrigger({
      body: parsedBody.value,
      headers: parsedHeaders.ok ? (parsedHeaders.value as Record<string, string | string[]>) : {},
      base: sample?.trigger ?? null,
      now: new Date(),
    });
    const basedOn = sample?.source === 'request' ? sample.requestId : sample?.basedOn;
    store.dispatch({ type: 'setSample', sample: { source: 'manual', basedOn, trigger } });
    setOpen(false);
  }

  return (
    <>
      <Button size="sm" icon="pencil" onClick={start}>
        {sample ? 'Edit by hand' : 'Paste a sample'}
      </Button>
      <Dialog
        open={open}
        title="Hand-made sample"
        onClose={() => setOpen(false)}
        actions={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" disabled={!valid} onClick={use}>
              Use this sample
            </Button>
          </>
        }
      >
        <div className="sy-sample-editor">
          <p className="sy-muted">
            Previews and tests use it, marked “Hand-made”. It stays in this browser: it is not added to the Inbox and no captured request is
            changed.
          </p>
          <Field label="Body (JSON)" htmlFor={bodyId} errors={parsedBody.ok ? [] : [parsedBody.error]} errorId={`${bodyId}-errors`}>
            <textarea
              id={bodyId}
              className="sy-input sy-input--mono sy-sample-editor__input"
              rows={12}
              value={body}
              spellCheck={false}
              aria-invalid={!parsedBody.ok || undefined}
              aria-describedby={parsedBody.ok ? undefined : `${bodyId}-errors`}
              onChange={(event) => setBody(event.target.value)}
            />
          </Field>
          <Field
            label="Headers (JSON)"
            htmlFor={headersId}
            optional
            errors={headerError ? [headerError] : []}
            errorId={`${headersId}-errors`}
          >
            <textarea
              id={headersId}
              className="sy-input sy-input--mono sy-sample-editor__input"
              rows={4}
              value={headers}
              spellCheck={false}
              aria-invalid={Boolean(headerError) || undefined}
              aria-describedby={headerError ? `${headersId}-errors` : undefined}
              onChange={(event) => setHeaders(event.target.value)}
            />
          </Field>
        </div>
      </Dialog>
    </>
  );
}
