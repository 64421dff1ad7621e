import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email.js';

describe('normalizeEmail', () => {
  it('lowercases an address', () => {
    expect(normalizeEmail('Ada.Lovelace@Example-Corp.COM')).toEqual({ value: 'ada.lovelace@example-corp.com' });
  });

  it('accepts plus tags and apostrophes', () => {
    expect(normalizeEmail("o'brien+webinar@acme.ie")).toEqual({ value: "o'brien+webinar@acme.ie" });
  });

  it('accepts a domain in Unicode and keeps it as typed', () => {
    expect(normalizeEmail('Info@Bücher.de')).toEqual({ value: 'info@bücher.de' });
  });

  it('accepts letters outside ASCII before the @', () => {
    expect(normalizeEmail('jürgen.müller@acme.de')).toEqual({ value: 'jürgen.müller@acme.de' });
  });

  it('rejects a domain in Unicode that is no host name', () => {
    expect(normalizeEmail('info@bü cher.de')).toEqual({ error: 'not a valid email address' });
  });

  it('rejects an address without a domain', () => {
    expect(normalizeEmail('ada@')).toEqual({ error: 'not a valid email address' });
  });

  it('rejects an address without a top-level domain', () => {
    expect(normalizeEmail('ada@localhost')).toEqual({ error: 'not a valid email address' });
  });

  it('rejects an address with a space inside', () => {
    expect(normalizeEmail('ada lovelace@acme.com')).toEqual({ error: 'not a valid email address' });
  });

  it('rejects two addresses in one field', () => {
    expect(normalizeEmail('ada@acme.com, bob@acme.com')).toEqual({ error: 'not a valid email address' });
  });

  it('rejects an address longer than 254 characters', () => {
    expect(normalizeEmail(`${'a'.repeat(250)}@acme.com`).error).toMatch(/longer than 254/);
  });
});
