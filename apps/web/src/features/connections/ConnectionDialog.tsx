import type { AppDefinition } from '@switchyard/engine';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createConnection, listConnections, queryKeys, startOAuth, type Connection } from '../../api';
import { Button, Dialog, TextInput } from '../../ui';
import { useRedirectUrl } from './use-connections';

/**
 * Connects an app: pasted fields for key and token kinds; for OAuth 2, the client id and secret of
 * the OAuth app the user registered (the dialog shows the redirect URL to register), then the
 * provider's consent page in a new window, which returns to Switchyard's callback.
 */
export function ConnectionDialog(props: {
  app: AppDefinition;
  open: boolean;
  reconnectId?: string;
  /** The connection to reconnect: its name, client id and public fields are filled in. */
  reconnect?: Connection;
  onClose: () => void;
  onConnected: (id: string) => void;
}) {
  const { app } = props;
  const queryClient = useQueryClient();
  const redirect = useRedirectUrl();
  const { clientId: previousClientId = '', ...previousValues } = props.reconnect?.public ?? {};
  const reconnectId = props.reconnectId ?? props.reconnect?.id;
  const [name, setName] = useState(props.reconnect?.name ?? `${app.name} account`);
  const [values, setValues] = useState<Record<string, string>>(previousValues);
  const [clientId, setClientId] = useState(previousClientId);
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const oauth = app.auth.kind === 'oauth2';

  async function connect() {
    setBusy(true);
    setError(null);
    try {
      if (oauth) {
        const started = await startOAuth({
          start: { name, app: app.key, clientId, clientSecret: clientSecret || undefined, data: values, connectionId: reconnectId },
        });
        window.open(started.authorizeUrl, 'switchyard-oauth', 'width=600,height=720');
        // The callback page is plain HTML (no script may run under our CSP): watch the connection instead.
        for (let i = 0; i < 300; i++) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const { items } = await listConnections();
          const connection = items.find((c) => c.id === started.connectionId);
          if (connection?.status === 'active') {
            await queryClient.invalidateQueries({ queryKey: queryKeys.connections() });
            props.onConnected(started.connectionId);
            return;
          }
          if (connection?.error) {
            setError(connection.error);
            return;
          }
        }
        setError('The sign-in did not finish: try again.');
      } else {
        const created = await createConnection({ connection: { name, app: app.key, data: values } });
        await queryClient.invalidateQueries({ queryKey: queryKeys.connections() });
        props.onConnected(created.id);
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={props.open}
      title={reconnectId ? `Reconnect ${app.name}` : `Connect ${app.name}`}
      onClose={props.onClose}
      actions={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button variant="primary" loading={busy} onClick={() => void connect()}>
            {oauth ? `Sign in with ${app.name}` : 'Connect'}
          </Button>
        </>
      }
    >
      <TextInput label="Connection name" value={name} onChange={setName} />
      {oauth ? (
        <>
          <p className="sy-connection-dialog__guide">
            Register an OAuth app with {app.name} and add this redirect URL:{' '}
            <code data-testid="oauth-redirect-url">{redirect.data?.redirectUrl ?? '…'}</code>
            {app.auth.guide ? <span> {app.auth.guide}</span> : null}
          </p>
          <TextInput label="Client ID" value={clientId} onChange={setClientId} />
          <TextInput label="Client secret" type="password" value={clientSecret} onChange={setClientSecret} optional />
        </>
      ) : null}
      {app.auth.fields.map((field) => (
        <TextInput
          key={field.name}
          label={field.label}
          type={field.secret ? 'password' : 'text'}
          optional={!field.required}
          placeholder={field.placeholder}
          description={field.help}
          value={values[field.name] ?? ''}
          onChange={(value) => setValues({ ...values, [field.name]: value })}
        />
      ))}
      {error ? (
        <p role="alert" className="sy-field__error">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
