import type { AppDefinition } from '@switchyard/engine';
import { useState } from 'react';
import { Button, Field } from '../../ui';
import { ConnectionDialog } from './ConnectionDialog';
import { useConnections } from './use-connections';

/** Picks a connection of one app, shows its account and state, and connects a new one inline. */
export function ConnectionSelect(props: {
  id: string;
  app: AppDefinition;
  value: string | undefined;
  errors: string[];
  onChange: (id: string | undefined) => void;
}) {
  const connections = useConnections();
  const [connecting, setConnecting] = useState(false);
  const offered = (connections.data ?? []).filter((c) => c.app === props.app.key);
  const chosen = offered.find((c) => c.id === props.value);
  const warnings = chosen?.status === 'needs-reconnecting' ? [`needs reconnecting: ${chosen.error ?? 'the app refused it'}`] : [];
  return (
    <Field label={`${props.app.name} connection`} htmlFor={props.id} errors={[...warnings, ...props.errors]}>
      <div className="sy-credential-select">
        <select id={props.id} className="sy-select" value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
          <option value="">Choose a connection…</option>
          {offered.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.account ? ` · ${c.account}` : ''}
              {c.status === 'needs-reconnecting' ? ' (needs reconnecting)' : ''}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={() => setConnecting(true)}>
          {chosen?.status === 'needs-reconnecting' ? 'Reconnect' : `Connect ${props.app.name}`}
        </Button>
      </div>
      {connecting ? (
        <ConnectionDialog
          app={props.app}
          open
          reconnectId={chosen?.status === 'needs-reconnecting' ? chosen.id : undefined}
          onClose={() => setConnecting(false)}
          onConnected={(id) => {
            setConnecting(false);
            props.onChange(id);
          }}
        />
      ) : null}
    </Field>
  );
}
