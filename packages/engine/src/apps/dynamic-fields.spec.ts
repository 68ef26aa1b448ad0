import { describe, expect, it } from 'vitest';
import { findApp, findAppAction } from './app-catalogue';
import { evaluateAppInput, templatesOf } from './app-input';

const action = findAppAction(findApp('notion')!, 'create-database-item')!;
const context = { trigger: { body: { title: 'Tuscan kale', tags: ['a', 'b'] } } };

describe('dynamic-fields values', () => {
  it('a JSON object of templates is rendered by key; empty ones are left out', async () => {
    const input = await evaluateAppInput({
      action,
      input: { databaseId: 'db1', properties: JSON.stringify({ Name: '{{ trigger.body.title }}', Price: '2.5', Notes: '' }) },
      context,
      evaluate: {},
    });
    expect(input).toEqual({ databaseId: 'db1', properties: { Name: 'Tuscan kale', Price: '2.5' } });
  });

  it('anything else is JSONata giving the object (the "Enter an expression" fallback)', async () => {
    const input = await evaluateAppInput({
      action,
      input: { databaseId: 'db1', properties: "{ 'Name': trigger.body.title, 'Tags': trigger.body.tags }" },
      context,
      evaluate: {},
    });
    expect(input.properties).toEqual({ Name: 'Tuscan kale', Tags: ['a', 'b'] });
    expect(templatesOf("{ 'Name': trigger.body.title }")).toBeUndefined();
    expect(templatesOf('{"Name": 1}')).toBeUndefined();
  });

  it('a broken template names the property; a required value that renders empty names the field', async () => {
    await expect(
      evaluateAppInput({
        action,
        input: { databaseId: 'db1', properties: JSON.stringify({ Name: '{{ trigger.body. }}' }) },
        context,
        evaluate: {},
      }),
    ).rejects.toMatchObject({ info: { field: 'input.properties.Name' } });
    await expect(
      evaluateAppInput({
        action,
        input: { databaseId: 'db1', properties: JSON.stringify({ Name: '{{ trigger.body.missing }}' }) },
        context,
        evaluate: {},
      }),
    ).rejects.toMatchObject({ info: { field: 'input.properties' } });
  });
});
