/** One field of a hosted form as the builder edits it (the engine's formFieldSchema checks it on save). */
export interface DraftFormField {
  name: string;
  label: string;
  type: string;
  required?: boolean;
  help?: string;
  options?: string[];
}

export const FORM_FIELD_TYPE_OPTIONS = [
  { value: 'text', label: 'Text' },
  { value: 'email', label: 'E-mail' },
  { value: 'number', label: 'Number' },
  { value: 'choice', label: 'Choice' },
  { value: 'date', label: 'Date' },
  { value: 'longtext', label: 'Long text' },
];

/** The fields of a draft trigger, whatever was stored. */
export function draftFields(value: unknown): DraftFormField[] {
  return Array.isArray(value) ? (value.filter((f) => f && typeof f === 'object') as DraftFormField[]) : [];
}

/** A key for `trigger.body` from a label: `Your e-mail` → `your_e_mail`. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  if (!key) return 'field';
  return /^[0-9]/.test(key) ? `f_${key}`.slice(0, 64) : key;
}

/** A key not used by another field: `name`, `name_2`, `name_3`... */
export function uniqueKey(base: string, fields: DraftFormField[], skip = -1): string {
  const taken = new Set(fields.filter((_, i) => i !== skip).map((f) => f.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 60)}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A new text field at the end. */
export function addField(fields: DraftFormField[]): DraftFormField[] {
  const label = `Question ${fields.length + 1}`;
  return [...fields, { name: uniqueKey(keyFromLabel(label), fields), label, type: 'text', required: false }];
}

/**
 * Changes one field. A new label renames the key while the key still follows the label (so a
 * hand-typed key stays); a type other than choice drops the options, choice starts with two.
 */
export function changeField(fields: DraftFormField[], index: number, change: Partial<DraftFormField>): DraftFormField[] {
  return fields.map((field, i) => {
    if (i !== index) return field;
    const next: DraftFormField = { ...field, ...change };
    if (change.label !== undefined && uniqueKey(keyFromLabel(field.label), fields, i) === field.name) {
      next.name = uniqueKey(keyFromLabel(change.label), fields, i);
    }
    if (change.type !== undefined) {
      if (change.type === 'choice') next.options = field.options?.length ? field.options : ['Yes', 'No'];
      else delete next.options;
    }
    if (change.help !== undefined && change.help === '') delete next.help;
    return next;
  });
}

export function moveField(fields: DraftFormField[], index: number, by: -1 | 1): DraftFormField[] {
  const to = index + by;
  if (to < 0 || to >= fields.length) return fields;
  const next = [...fields];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export function removeField(fields: DraftFormField[], index: number): DraftFormField[] {
  return fields.filter((_, i) => i !== index);
}

/** Options typed one per line (blank lines dropped, but the last, where the next option is being typed). */
export function optionsFromText(text: string): string[] {
  const lines = text.split('\n');
  return lines.filter((line, i) => line.trim() !== '' || i === lines.length - 1);
}

/**
 * The address of the hosted form: the saved one when the published trigger is a form, otherwise
 * the one it gets once published (the public base URL + `/forms/` + the workflow's token).
 */
export function formAddress(
  trigger: { type: string; url: string | null; token: string },
  publicBase: string | undefined,
): { url: string | null; live: boolean } {
  if (trigger.type === 'form' && trigger.url) return { url: trigger.url, live: true };
  return { url: publicBase ? `${publicBase.replace(/\/$/, '')}/forms/${trigger.token}` : null, live: false };
}
