import { describe, expect, it } from 'vitest';
import { cleanCustom } from './custom.js';

describe('cleanCustom', () => {
  it('keeps an object as it is, strings trimmed', () => {
    expect(cleanCustom({ budget: ' 10k ', seats: 25, consent: true, tags: [' a ', 'b'] })).toEqual({
      value: { budget: '10k', seats: 25, consent: true, tags: ['a', 'b'] },
    });
  });

  it('trims strings in nested objects', () => {
    expect(cleanCustom({ utm: { source: ' google ', campaign: 'spring ' } })).toEqual({ value: { utm: { source: 'google', campaign: 'spring' } } });
  });

  it('leaves out entries that are blank or null', () => {
    expect(cleanCustom({ a: '  ', b: null, c: 'x' })).toEqual({ value: { c: 'x' } });
  });

  it('is absent when nothing is left', () => {
    expect(cleanCustom({ a: '' })).toEqual({});
  });

  it('keeps a key named __proto__ as a plain key', () => {
    const { value } = cleanCustom(JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value ?? {})).toEqual(['__proto__']);
  });

  it('rejects a list', () => {
    expect(cleanCustom(['a'])).toEqual({ error: 'expected an object, got a list' });
  });

  it('rejects a string', () => {
    expect(cleanCustom('budget=10k')).toEqual({ error: 'expected an object, got a string' });
  });

  it('rejects nesting deeper than eight levels', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10; i++) deep = { deeper: deep };
    expect(cleanCustom(deep)).toEqual({ error: 'nested deeper than 8 levels' });
  });
});
