import { TRIGGER_SCHEMES } from '@switchyard/engine';
import { useEffect, useId, useState } from 'react';
import { Button, Field, HelpTip, TextInput } from '../../../ui';
import { JARGON } from '../../../lib/jargon';
import { useCan } from '../../workspaces/use-role';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { fieldsFromSecrets, secretsFromFields, securityIssues } from './trigger-settings';
import { DedupeSuggestion } from './TriggerSettings';
import { readVerify, verifyForScheme, withSetting, type VerifyDraft } from './verify-settings';

/**
 * "Check the sender's signature": the provider preset (Stripe, GitHub...) and its secret. Secrets
 * are write-only: the API returns masked hints, and an empty field keeps what is stored.
 */
export function TriggerSecurity() {
  const { store } = useBuilderContext();
  const trigger = useBuilderState((state) => state.draft.trigger);
  const issues = useBuilderState((state) => state.issues);
  const selectId = useId();
  const verify = readVerify(trigger);
  const scheme = TRIGGER_SCHEMES.find((candidate) => candidate.name === verify?.scheme);
  // The advanced settings show their own problems next to their fields.
  const triggerIssues = securityIssues(issues).map((issue) => `${issue.path.replace(/^trigger\.?/, '') || 'trigger'}: ${issue.message}`);
  const setVerify = (value: unknown) => store.dispatch({ type: 'edit', operation: { type: 'setTriggerField', field: 'verify', value } });
  const showHints = useCan('secrets.hints');
  const hints = showHints ? (verify?.secretHints ?? []) : [];
  // What was typed in the two write-only secret fields; the draft holds `secrets` as the API takes them.
  const [fields, setFields] = useState(() => fieldsFromSecrets(verify?.secrets));
  const [rotating, setRotating] = useState(() => fields.next !== '');
  const draftSecrets = JSON.stringify(verify?.secrets ?? null);
  useEffect(() => {
    if (JSON.stringify(secretsFromFields(fields) ?? null) === draftSecrets) return;
    const next = fieldsFromSecrets(verify?.secrets);
    setFields(next);
    setRotating(next.next !== '');
    // Only a change of the draft (another scheme, a reload) re-syncs the fields.
  }, [draftSecrets]);
  const typeSecret = (current: VerifyDraft, patch: Partial<typeof fields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    const { secrets: _secrets, ...rest } = current;
    const secrets = secretsFromFields(next);
    setVerify(secrets ? { ...rest, secrets } : rest);
  };

  return (
    <details className="sy-trigger-card__security" open={Boolean(verify) || triggerIssues.length > 0}>
      <summary>
        Security <span className="sy-muted">· {scheme ? `${scheme.label} signature checked` : 'no signature check'}</span>
      </summary>
      <div className="sy-trigger-card__security-body">
        <Field
          label="Check the sender's signature"
          htmlFor={selectId}
          description="Requests without a valid signature are answered 401, recorded, and start no run."
          errors={triggerIssues}
        >
          <select
            id={selectId}
            className="sy-select sy-trigger-card__scheme"
            value={verify?.scheme ?? ''}
            onChange={(event) => setVerify(verifyForScheme({ current: verify, scheme: event.target.value }))}
          >
            <option value="">No check</option>
            {TRIGGER_SCHEMES.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.label}
              </option>
            ))}
          </select>
        </Field>
        {verify && scheme ? (
          <>
            <DedupeSuggestion />
            <div className="sy-trigger-settings__secrets">
              <TextInput
                label={scheme.secretLabel}
                type="password"
                autoComplete="off"
                spellCheck={false}
                placeholder={hints.length ? `Stored: ${hints.join(', ')} (type to replace)` : scheme.secretPlaceholder}
                description={
                  <>
                    {scheme.secretHelp}
                    {hints.length === 2
                      ? ` Two secrets are accepted now (${hints.join(' and ')}); to finish a rotation, type the new one here alone and save.`
                      : ''}
                  </>
                }
                value={fields.current}
                onChange={(secret) => typeSecret(verify, { current: secret })}
              />
              {rotating ? (
                <>
                  <TextInput
                    label={`New ${scheme.secretLabel.toLowerCase()} (rotation)`}
                    type="password"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={scheme.secretPlaceholder}
                    description={
                      <>
                        Both secrets are accepted until you save one alone{' '}
                        <HelpTip label={JARGON.rotation.label}>{JARGON.rotation.text}</HelpTip>. Stored secrets are never shown again, so
                        type the current secret above as well; then give the sender the new one.
                      </>
                    }
                    errors={
                      fields.next && !fields.current && hints.length > 0
                        ? ['Type the current secret above too, or it stops being accepted when you save.']
                        : []
                    }
                    value={fields.next}
                    onChange={(secret) => typeSecret(verify, { next: secret })}
                  />
                  <div>
                    <Button
                      size="sm"
                      icon="close"
                      onClick={() => {
                        setRotating(false);
                        typeSecret(verify, { next: '' });
                      }}
                    >
                      Remove the new secret
                    </Button>
                  </div>
                </>
              ) : (
                <div>
                  <Button size="sm" onClick={() => setRotating(true)}>
                    Add a new secret for rotation
                  </Button>
                </div>
              )}
            </div>
            {scheme.settings.map((setting) =>
              setting.kind === 'select' ? (
                <Field
                  key={setting.key}
                  label={setting.label}
                  htmlFor={`${selectId}-${setting.key}`}
                  description={setting.help}
                  optional={!setting.required}
                >
                  <select
                    id={`${selectId}-${setting.key}`}
                    className="sy-select sy-trigger-card__scheme"
                    value={typeof verify[setting.key] === 'string' ? (verify[setting.key] as string) : (setting.default ?? '')}
                    onChange={(event) => setVerify(withSetting({ verify, key: setting.key, value: event.target.value }))}
                  >
                    {(setting.options ?? []).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </Field>
              ) : (
                <TextInput
                  key={setting.key}
                  label={setting.label}
                  optional={!setting.required}
                  description={setting.help}
                  placeholder={setting.placeholder ?? setting.default}
                  value={typeof verify[setting.key] === 'string' ? (verify[setting.key] as string) : ''}
                  onChange={(value) => setVerify(withSetting({ verify, key: setting.key, value }))}
                />
              ),
            )}
          </>
        ) : null}
      </div>
    </details>
  );
}
