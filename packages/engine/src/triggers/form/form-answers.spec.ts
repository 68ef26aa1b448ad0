import { describe, expect, it } from 'vitest';
import { checkFormAnswers } from './form-answers';
import { type FormTrigger, formTriggerSchema } from './form.schema';

const form: FormTrigger = formTriggerSchema.parse({
  type: 'form',
  title: 'Order',
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'email', label: 'E-mail', type: 'email', required: true },
    { name: 'count', label: 'How many', type: 'number' },
    { name: 'size', label: 'Size', type: 'choice', options: ['S', 'M', 'L'] },
    { name: 'day', label: 'Day', type: 'date' },
    { name: 'note', label: 'Note', type: 'longtext' },
  ],
});

describe('checkFormAnswers', () => {
  it('turns valid answers into the run input: trimmed text, numbers as numbers, empty optional fields as null', () => {
    const checked = checkFormAnswers(form, {
      name: '  Ada ',
      email: 'ada@example.com',
      count: '3.5',
      size: 'M',
      day: '2026-02-28',
      note: '',
    });
    expect(checked.errors).toEqual({});
    expect(checked.answers).toEqual({ name: 'Ada', email: 'ada@example.com', count: 3.5, size: 'M', day: '2026-02-28', note: null });
  });

  it('names the reason per field and keeps what was typed', () => {
    const checked = checkFormAnswers(form, { name: '', email: 'not-an-address', count: '12abc', size: 'XL', day: '2026-02-30' });
    expect(checked.answers).toBeNull();
    expect(checked.errors).toEqual({
      name: 'is required',
      email: 'must be an e-mail address',
      count: 'must be a number',
      size: 'must be one of the options (S, M, L)',
      day: 'must be a date (YYYY-MM-DD)',
    });
    expect(checked.values).toMatchObject({ email: 'not-an-address', count: '12abc', size: 'XL' });
  });

  it('refuses repeated values and answers over the length limit, and ignores fields the form does not list', () => {
    const checked = checkFormAnswers(form, { name: ['a', 'b'], email: 'a@b.co', note: 'x'.repeat(10_001), extra: 'ignored' });
    expect(checked.errors).toEqual({ name: 'must have one value', note: 'must be at most 10000 characters' });
    const ok = checkFormAnswers(form, { name: 'A', email: 'a@b.co', extra: 'ignored' });
    expect(ok.answers).not.toHaveProperty('extra');
  });
});
