import { HTTP_METHODS } from '@switchyard/engine';
import { useId } from 'react';
import { Field, TextInput } from '../../../../../ui';
import { CredentialSelect, HTTP_AUTH_CREDENTIAL_TYPES } from '../../../../credentials';
import { EgressWarning } from '../../../../network/EgressWarning';
import { isPlaceholderUrl } from '../../../templates/workflow-templates';
import { HttpSigningField } from '../../form-parts/app-form-parts';
import { formIssues, stepFieldLabel, textOf } from '../../form-parts/control-form-parts';
import { ExpressionField } from '../../form-parts/ExpressionField';
import { HeadersEditor } from '../../form-parts/HeadersEditor';
import type { StepFormProps } from '../step-form';

export function HttpStepForm(props: StepFormProps<'http'>) {
  const { entry, index, setField } = props;
  const timeoutId = useId();
  const method = textOf(entry.step.method) || 'POST';
  const url = textOf(entry.step.url);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return (
    <>
      <div className="sy-step-form__row">
        <Field label="Method" htmlFor={`step-${entry.key}-method`} errors={formIssues(props, 'method').map((issue) => issue.message)}>
          <select
            id={`step-${entry.key}-method`}
            className="sy-select sy-step-form__method"
            value={method}
            onChange={(event) => setField('method', event.target.value)}
          >
            {HTTP_METHODS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        <div className="sy-step-form__grow">
          <ExpressionField
            id={`step-${entry.key}-url`}
            label="URL"
            targetLabel={stepFieldLabel(index, 'URL')}
            value={url}
            onChange={(value) => setField('url', value)}
            stepIndex={index}
            kind="template"
            placeholder="https://hooks.slack.com/services/…"
            issues={formIssues(props, 'url')}
            hint={
              isPlaceholderUrl(url) ? (
                <p className="sy-step-form__todo">Replace this example address with your own.</p>
              ) : (
                <EgressWarning template={url} />
              )
            }
          />
        </div>
      </div>
      <CredentialSelect
        id={`step-${entry.key}-credential`}
        label="Authentication"
        description="A stored credential whose token or login is added to the request headers (masked in the run history)."
        noneLabel="None"
        types={HTTP_AUTH_CREDENTIAL_TYPES}
        value={textOf(entry.step.credentialId) || undefined}
        onChange={(id) => setField('credentialId', id)}
        errors={formIssues(props, 'credentialId').map((issue) => issue.message)}
      />
      <HttpSigningField {...props} />
      <HeadersEditor {...props} />
      {hasBody ? (
        <ExpressionField
          id={`step-${entry.key}-body`}
          label="Body"
          targetLabel={stepFieldLabel(index, 'Body')}
          description="A JSONata expression; objects are sent as JSON, text as text. Leave empty to send no body."
          value={textOf(entry.step.body)}
          onChange={(value) => setField('body', value)}
          stepIndex={index}
          kind="value"
          optional
          placeholder="steps.message"
          issues={formIssues(props, 'body')}
        />
      ) : null}
      <TextInput
        id={timeoutId}
        label="Time limit (ms)"
        optional
        type="number"
        inputMode="numeric"
        min={1}
        max={120000}
        placeholder="10000"
        className="sy-step-form__timeout"
        value={typeof entry.step.timeoutMs === 'number' ? String(entry.step.timeoutMs) : ''}
        errors={formIssues(props, 'timeoutMs').map((issue) => issue.message)}
        onChange={(value) => setField('timeoutMs', value === '' ? undefined : Number(value))}
      />
    </>
  );
}
