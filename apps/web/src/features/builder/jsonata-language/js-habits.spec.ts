import { describe, expect, it } from 'vitest';
import { findJsHabits } from './js-habits';

const messages = (text: string, template = false) => findJsHabits({ text, template }).map((h) => `${h.found}: ${h.message}`);

describe('findJsHabits', () => {
  it('explains .length with $count and $length', () => {
    const [habit] = findJsHabits({ text: 'trigger.body.commits.length' });
    expect(habit).toMatchObject({ from: 20, to: 27, found: '.length' });
    expect(habit.message).toContain('$count(list)');
    expect(habit.message).toContain('$length(text)');
  });

  it('gives the JSONata spelling of methods, comparisons and logic', () => {
    expect(messages('items.map(x => x.price)')[0]).toContain('list.(expression)');
    expect(messages("a.includes('x')")[0]).toContain('$contains');
    expect(messages('a === 1')).toEqual(['===: JSONata compares with = (not ===)']);
    expect(messages('a !== 1')).toEqual(['!==: JSONata compares with != (not !==)']);
    expect(messages('a == 1')).toEqual(['==: JSONata compares with a single = (not ==)']);
    expect(messages('a && b')[0]).toContain('“and”');
    expect(messages('a || b')[0]).toContain('“or”');
    expect(messages('!a')[0]).toContain('$not(value)');
  });

  it('leaves JSONata alone, and strings and comments', () => {
    for (const text of [
      'a = 1 and b != 2',
      '$count(trigger.body.commits)',
      '"a && b || !c === d .length"',
      "/* a.length */ $length('x')",
      'trigger.body.items.(price * qty)',
      '$join(items.name, ", ")',
      'a <= 1 or a >= 3',
    ]) {
      expect(findJsHabits({ text }), text).toEqual([]);
    }
  });

  it('reads only inside {{ }} in templates', () => {
    expect(findJsHabits({ text: 'Hello! You have {{ trigger.body.items.length }} items.', template: true })).toHaveLength(1);
    expect(findJsHabits({ text: 'Wow!! a && b', template: true })).toEqual([]);
  });
});
