import { describe, expect, it } from 'vitest';
import {
  addField,
  changeField,
  type DraftFormField,
  formAddress,
  keyFromLabel,
  moveField,
  optionsFromText,
  removeField,
} from './form-fields';

const fields: DraftFormField[] = [
  { name: 'your_name', label: 'Your name', type: 'text', required: true },
  { name: 'custom', label: 'E-mail', type: 'email' },
];

describe('form field editing', () => {
  it('derives keys from labels, unique among the fields', () => {
    expect(keyFromLabel('Your e-mail')).toBe('your_e_mail');
    expect(keyFromLabel('Élan 2')).toBe('elan_2');
    expect(keyFromLabel('1st choice')).toBe('f_1st_choice');
    expect(keyFromLabel('!!!')).toBe('field');
    const added = addField(addField([]));
    expect(added.map((f) => f.name)).toEqual(['question_1', 'question_2']);
  });

  it('renames the key with the label only while the key follows the label', () => {
    expect(changeField(fields, 0, { label: 'Full name' })[0].name).toBe('full_name');
    expect(changeField(fields, 1, { label: 'Mail' })[1].name).toBe('custom');
  });

  it('gives a choice two options to start with and drops options for other types', () => {
    const choice = changeField(fields, 0, { type: 'choice' })[0];
    expect(choice.options).toEqual(['Yes', 'No']);
    expect(changeField([choice], 0, { type: 'text' })[0]).not.toHaveProperty('options');
  });

  it('moves and removes fields', () => {
    expect(moveField(fields, 0, 1).map((f) => f.name)).toEqual(['custom', 'your_name']);
    expect(moveField(fields, 0, -1)).toBe(fields);
    expect(removeField(fields, 0).map((f) => f.name)).toEqual(['custom']);
  });

  it('reads options one per line, keeping the line being typed', () => {
    expect(optionsFromText('Small\n\nLarge\n')).toEqual(['Small', 'Large', '']);
    expect(optionsFromText('Extra large')).toEqual(['Extra large']);
  });

  it('shows the saved form address, or the one it will have once published', () => {
    expect(formAddress({ type: 'form', url: 'https://sy.example/forms/abc', token: 'abc' }, 'https://other')).toEqual({
      url: 'https://sy.example/forms/abc',
      live: true,
    });
    expect(formAddress({ type: 'webhook', url: 'https://sy.example/hooks/abc', token: 'abc' }, 'https://sy.example/')).toEqual({
      url: 'https://sy.example/forms/abc',
      live: false,
    });
    expect(formAddress({ type: 'manual', url: null, token: 'abc' }, undefined)).toEqual({ url: null, live: false });
  });
});
