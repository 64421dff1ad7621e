import { describe, expect, it } from 'vitest';
import { dedupeKeys, emailKey, phoneKey } from './dedupe-key.js';

describe('dedupeKeys', () => {
  it('gives the email and the phone number', () => {
    expect(dedupeKeys({ email: 'ada@acme.com', phone: '+442079460958' })).toEqual([
      { kind: 'email', value: 'ada@acme.com' },
      { kind: 'phone', value: '+442079460958' },
    ]);
  });

  it('gives no phone key for a number kept as typed', () => {
    expect(dedupeKeys({ email: 'ada@acme.com', phone: 'ask for Bob' })).toEqual([{ kind: 'email', value: 'ada@acme.com' }]);
  });

  it('gives nothing for a lead with neither', () => {
    expect(dedupeKeys({})).toEqual([]);
  });
});

describe('emailKey', () => {
  it('lowercases the address', () => {
    expect(emailKey(' Ada@ACME.com ')).toBe('ada@acme.com');
  });

  it('drops a plus tag', () => {
    expect(emailKey('ada+webinar@acme.com')).toBe('ada@acme.com');
  });

  it('drops the dots of a Gmail address', () => {
    expect(emailKey('ada.lovelace@gmail.com')).toBe('adalovelace@gmail.com');
  });

  it('takes googlemail.com as gmail.com', () => {
    expect(emailKey('Ada.Lovelace+news@googlemail.com')).toBe('adalovelace@gmail.com');
  });

  it('keeps the dots of other addresses', () => {
    expect(emailKey('ada.lovelace@acme.com')).toBe('ada.lovelace@acme.com');
  });

  it('keeps letters outside ASCII', () => {
    expect(emailKey('jürgen.müller@bücher.de')).toBe('jürgen.müller@bücher.de');
  });

  it('gives nothing for text without an address', () => {
    expect(emailKey('ada@')).toBeUndefined();
  });
});

describe('phoneKey', () => {
  it('keeps an E.164 number', () => {
    expect(phoneKey('+5511912345678')).toBe('+5511912345678');
  });

  it('gives nothing for a number not in E.164', () => {
    expect(phoneKey('(201) 555-0123')).toBeUndefined();
  });
});
