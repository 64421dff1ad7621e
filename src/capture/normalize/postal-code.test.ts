import { describe, expect, it } from 'vitest';
import { normalizePostalCode } from './postal-code.js';

describe('US ZIP codes', () => {
  it('keeps a five-digit ZIP', () => {
    expect(normalizePostalCode('94105', 'US')).toEqual({ value: '94105' });
  });

  it('keeps ZIP+4 with its hyphen', () => {
    expect(normalizePostalCode('12345-6789', 'US')).toEqual({ value: '12345-6789' });
  });

  it('writes nine digits as ZIP+4', () => {
    expect(normalizePostalCode('123456789', 'US')).toEqual({ value: '12345-6789' });
  });

  it('gives back the leading zero that a number lost', () => {
    expect(normalizePostalCode('2134', 'US')).toEqual({ value: '02134' });
  });

  it('gives back two leading zeros', () => {
    expect(normalizePostalCode('501', 'US')).toEqual({ value: '00501' });
  });

  it('gives back the leading zero of a ZIP+4', () => {
    expect(normalizePostalCode('2134-1234', 'US')).toEqual({ value: '02134-1234' });
  });

  it('keeps a code that is no ZIP as given, with a warning', () => {
    expect(normalizePostalCode('SW1A 1AA', 'US')).toEqual({ value: 'SW1A 1AA', warning: 'not a valid US ZIP code; kept as given' });
  });
});

describe('UK postcodes', () => {
  it('uppercases a postcode and puts the space where it belongs', () => {
    expect(normalizePostalCode('sw1a1aa', 'GB')).toEqual({ value: 'SW1A 1AA' });
  });

  it('keeps a postcode already written right', () => {
    expect(normalizePostalCode('EC1A 1BB', 'GB')).toEqual({ value: 'EC1A 1BB' });
  });

  it('reads a short outward code', () => {
    expect(normalizePostalCode('m1 1ae', 'GB')).toEqual({ value: 'M1 1AE' });
  });
});

describe('other countries', () => {
  it('gives a German postcode back the leading zero a spreadsheet took', () => {
    expect(normalizePostalCode('1067', 'DE')).toEqual({ value: '01067' });
  });

  it('keeps a German postcode as it is', () => {
    expect(normalizePostalCode('80331', 'DE')).toEqual({ value: '80331' });
  });

  it('writes a Canadian postal code with its space', () => {
    expect(normalizePostalCode('k1a0b1', 'CA')).toEqual({ value: 'K1A 0B1' });
  });

  it('uppercases the code of a country whose format it does not know', () => {
    expect(normalizePostalCode('1012 ab', 'NL')).toEqual({ value: '1012 AB' });
  });

  it('does not pad a four-digit code of a country whose codes have four digits', () => {
    expect(normalizePostalCode('2000', 'AU')).toEqual({ value: '2000' });
  });

  it('uppercases a code when the country is not known', () => {
    expect(normalizePostalCode('sw1a 1aa', undefined)).toEqual({ value: 'SW1A 1AA' });
  });
});
