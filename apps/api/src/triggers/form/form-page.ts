import { type FormField, type FormTrigger, maxLengthOf } from '@switchyard/engine';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Paragraphs of a plain text (blank lines split them, single newlines become line breaks). */
function paragraphs(text: string, className: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p class="${className}">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Choices up to this many are radio buttons; more are a drop-down list. */
const MAX_RADIO_OPTIONS = 6;

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f5f7}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d8dce1;border-radius:12px}
@media (max-width:480px){main{margin:0;border-radius:0;border-width:0 0 1px}}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}
.description{color:#3d4651;margin:.5rem 0}
.field{margin:1.25rem 0;border:0;padding:0;min-width:0}
label,legend{display:block;font-weight:600;padding:0;margin-bottom:.25rem}
.optional{font-weight:400;color:#5b6672}
.help{margin:0 0 .35rem;color:#5b6672;font-size:.9rem}
.error{margin:.25rem 0 0;color:#b3261e;font-weight:600;font-size:.95rem}
input[type=text],input[type=email],input[type=number],input[type=date],select,textarea{display:block;width:100%;font:inherit;padding:.55rem .7rem;border:1px solid #8c96a1;border-radius:8px;background:#fff;color:inherit}
textarea{min-height:8rem;resize:vertical}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border-color:#b3261e;border-width:2px}
input:focus-visible,select:focus-visible,textarea:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #2f6fde;outline-offset:2px}
.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.25rem 0}
.choice input{width:1.15rem;height:1.15rem}
button{font:inherit;font-weight:600;padding:.65rem 1.25rem;border:0;border-radius:8px;background:#2f6fde;color:#fff;cursor:pointer}
button:hover{background:#2459b8}
.summary{border:2px solid #b3261e;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
.summary h2{font-size:1.05rem;margin:0 0 .25rem}
.summary ul{margin:0;padding-left:1.25rem}
.summary a{color:#b3261e}
.footer{margin-top:1.5rem;color:#5b6672;font-size:.8rem}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<p class="footer">Sent with Switchyard</p>
</main>
</body>
</html>
`;
}

function idOf(field: FormField): string {
  return `f-${field.name}`;
}

function fieldHtml(field: FormField, value: string, error: string | undefined): string {
  const id = idOf(field);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [field.help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  const common = [
    `name="${escapeHtml(field.name)}"`,
    field.required ? 'required' : '',
    describedBy ? `aria-describedby="${describedBy}"` : '',
    error ? 'aria-invalid="true"' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const label = `${escapeHtml(field.label)}${field.required ? '' : ' <span class="optional">(optional)</span>'}`;
  const help = field.help ? `<p class="help" id="${helpId}">${escapeHtml(field.help)}</p>` : '';
  const errorLine = error ? `<p class="error" id="${errorId}">${escapeHtml(`${field.label} ${error}`)}</p>` : '';

  if (field.type === 'choice' && (field.options?.length ?? 0) <= MAX_RADIO_OPTIONS) {
    const radios = (field.options ?? [])
      .map((option, i) => {
        const checked = option === value ? ' checked' : '';
        return `<label class="choice"><input type="radio" id="${id}-${i}" value="${escapeHtml(option)}" ${common}${checked}> ${escapeHtml(option)}</label>`;
      })
      .join('\n');
    return `<fieldset class="field" id="${id}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}>
<legend>${label}</legend>
${help}
${radios}
${errorLine}
</fieldset>`;
  }

  let control: string;
  if (field.type === 'choice') {
    const options = ['<option value="">Choose…</option>']
      .concat(
        (field.options ?? []).map(
          (option) => `<option value="${escapeHtml(option)}"${option === value ? ' selected' : ''}>${escapeHtml(option)}</option>`,
        ),
      )
      .join('');
    control = `<select id="${id}" ${common}>${options}</select>`;
  } else if (field.type === 'longtext') {
    control = `<textarea id="${id}" maxlength="${maxLengthOf(field)}" rows="6" ${common}>${escapeHtml(value)}</textarea>`;
  } else {
    const type = field.type === 'email' ? 'email' : field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
    const extra =
      field.type === 'number'
        ? 'step="any" inputmode="decimal"'
        : field.type === 'email'
          ? 'autocomplete="email" spellcheck="false"'
          : field.type === 'date'
            ? ''
            : `maxlength="${maxLengthOf(field)}"`;
    control = `<input type="${type}" id="${id}" value="${escapeHtml(value)}" ${extra} ${common}>`;
  }
  return `<div class="field">
<label for="${id}">${label}</label>
${help}
${control}
${errorLine}
</div>`;
}

export interface FormPageState {
  /** What the person typed, by field name. */
  values?: Record<string, string>;
  /** The reason each refused field was refused. */
  errors?: Record<string, string>;
  /** A one-time id of this page's sending, so a double submit starts one run. */
  submission: string;
}

/**
 * The hosted form as plain, accessible HTML: a label per field, a fieldset and legend for choices,
 * help and errors linked with aria-describedby, native input types, `required` and `maxlength`, so
 * the browser checks it first and it works without JavaScript. The form posts back to the page's own
 * address (no action attribute), so it works behind a proxy that adds a path. After a refused sending the page
 * comes back with a summary linking to each field, the errors under their fields and the values kept.
 */
export function renderFormPage(trigger: FormTrigger, state: FormPageState): string {
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const refused = trigger.fields.filter((f) => errors[f.name]);
  const summary = refused.length
    ? `<div class="summary" role="alert" aria-labelledby="summary-title" tabindex="-1" id="summary">
<h2 id="summary-title">${refused.length === 1 ? 'There is a problem' : `There are ${refused.length} problems`}</h2>
<ul>${refused.map((f) => `<li><a href="#${idOf(f)}">${escapeHtml(`${f.label} ${errors[f.name]}`)}</a></li>`).join('')}</ul>
</div>`
    : '';
  const body = `<h1>${escapeHtml(trigger.title)}</h1>
${trigger.description ? paragraphs(trigger.description, 'description') : ''}
${summary}
<form method="post" accept-charset="utf-8">
<input type="hidden" name="_submission" value="${escapeHtml(state.submission)}">
${trigger.fields.map((f) => fieldHtml(f, values[f.name] ?? '', errors[f.name])).join('\n')}
<button type="submit">${escapeHtml(trigger.submitLabel ?? 'Send')}</button>
</form>`;
  return page(refused.length ? `Error: ${trigger.title}` : trigger.title, body);
}

/** The page after a sending, with the form's thank-you message. */
export function renderThankYouPage(trigger: FormTrigger): string {
  const message = trigger.thankYou?.trim() || 'Thank you, your answers were sent.';
  return page(trigger.title, `<h1>${escapeHtml(trigger.title)}</h1>\n<div role="status">${paragraphs(message, 'description')}</div>`);
}

/** A page that only says something: the form is unknown, closed, or asked too often. */
export function renderMessagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="description">${escapeHtml(message)}</p>`);
}
