import { TextInput, Select } from '../../../../../ui';
import type { TriggerFormProps } from '../../web-trigger-kit';

/** The endpoint to call, how often, and the JSONata that picks the items and their keys. */
export function PollTriggerForm({ trigger, set, readOnly }: TriggerFormProps) {
  const text = (field: string) => (typeof trigger[field] === 'string' ? (trigger[field] as string) : '');
  return (
    <div className="sy-trigger-kit">
      <TextInput
        label="URL to call"
        value={text('endpoint')}
        readOnly={readOnly}
        placeholder="https://api.example.com/orders"
        onChange={(v) => set('endpoint', v)}
      />
      <Select
        label="Method"
        value={text('method') || 'GET'}
        disabled={readOnly}
        onChange={(v) => set('method', v)}
        options={[
          { value: 'GET', label: 'GET' },
          { value: 'POST', label: 'POST' },
        ]}
      />
      <TextInput
        label="Every (minutes)"
        type="number"
        min={1}
        max={1440}
        value={String(trigger.intervalMinutes ?? '')}
        readOnly={readOnly}
        onChange={(v) => set('intervalMinutes', v === '' ? undefined : Number(v))}
      />
      <TextInput
        label="Items (JSONata)"
        description="Over { status, headers, body }: the list of items, e.g. body.data.orders"
        value={text('items') || 'body'}
        readOnly={readOnly}
        onChange={(v) => set('items', v)}
      />
      <TextInput
        label="Key of an item (JSONata)"
        description="What makes an item new, e.g. id. The first poll only records the keys that exist."
        value={text('key')}
        readOnly={readOnly}
        onChange={(v) => set('key', v)}
      />
      <TextInput
        label="Credential id"
        optional
        description="A stored credential (Credentials page) that authenticates the call"
        value={text('credentialId')}
        readOnly={readOnly}
        onChange={(v) => set('credentialId', v || undefined)}
      />
    </div>
  );
}
