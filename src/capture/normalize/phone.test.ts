import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it('reads a national US number as a number of the given country', () => {
    expect(normalizePhone('(201) 555-0123', 'US')).toEqual({ value: '+12015550123' });
  });

  it('reads a London number written the British way', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toEqual({ value: '+442079460958' });
  });

  it('reads a Berlin number with its trunk zero', () => {
    expect(normalizePhone('030 12345678', 'DE')).toEqual({ value: '+493012345678' });
  });

  it('keeps the country code a number gives, whatever the default country', () => {
    expect(normalizePhone('+33 1 23 45 67 89', 'US')).toEqual({ value: '+33123456789' });
  });

  it('reads the international prefix as dialled in the given country', () => {
    expect(normalizePhone('0044 20 7946 0958', 'DE')).toEqual({ value: '+442079460958' });
  });

  it('reads a Brazilian mobile number', () => {
    expect(normalizePhone('(11) 91234-5678', 'BR')).toEqual({ value: '+5511912345678' });
  });

  it('reads a Japanese number', () => {
    expect(normalizePhone('03-1234-5678', 'JP')).toEqual({ value: '+81312345678' });
  });

  it('returns an extension apart from the number', () => {
    expect(normalizePhone('201-555-0123 ext. 42', 'US')).toEqual({ value: '+12015550123', extension: '42' });
  });

  it('keeps a number too short to be one as given, with a warning', () => {
    expect(normalizePhone('555-0123', 'US')).toEqual({ value: '555-0123', warning: 'not a valid phone number for US; kept as given' });
  });

  it('keeps text that is no number as given, with a warning', () => {
    expect(normalizePhone('call me after 5', 'US').warning).toBe('not a valid phone number for US; kept as given');
  });

  it('does not name the default country in the warning for a number that gives its own', () => {
    expect(normalizePhone('+44 12', 'US').warning).toBe('not a valid phone number; kept as given');
  });
});
