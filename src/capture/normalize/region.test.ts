import { describe, expect, it } from 'vitest';
import { normalizeRegion } from './region.js';

describe('normalizeRegion', () => {
  it('gives the postal code of a US state named in full', () => {
    expect(normalizeRegion('California', 'US', true)).toEqual({ value: 'CA' });
  });

  it('ignores case in a state name', () => {
    expect(normalizeRegion('NEW YORK', 'US', true)).toEqual({ value: 'NY' });
  });

  it('uppercases a state code', () => {
    expect(normalizeRegion('tx', 'US', true)).toEqual({ value: 'TX' });
  });

  it('reads an ISO 3166-2 code with its country prefix', () => {
    expect(normalizeRegion('US-WA', 'US', true)).toEqual({ value: 'WA' });
  });

  it('reads Washington, D.C.', () => {
    expect(normalizeRegion('Washington, D.C.', 'US', true)).toEqual({ value: 'DC' });
  });

  it('gives the code of a Canadian province named in lowercase', () => {
    expect(normalizeRegion('ontario', 'CA', true)).toEqual({ value: 'ON' });
  });

  it('reads a Canadian province named in French with its accents', () => {
    expect(normalizeRegion('Québec', 'CA', true)).toEqual({ value: 'QC' });
  });

  it('reads a Canadian province by its French name', () => {
    expect(normalizeRegion('Colombie-Britannique', 'CA', true)).toEqual({ value: 'BC' });
  });

  it('warns about a US region that is no state, and keeps it', () => {
    expect(normalizeRegion('Cascadia', 'US', true)).toEqual({ value: 'Cascadia', warning: 'not a region of US; kept as given' });
  });

  it('reads a state name by the default country without warning about what it does not know', () => {
    expect(normalizeRegion('Victoria', 'US', false)).toEqual({ value: 'Victoria' });
  });

  it('uppercases a region code of another country', () => {
    expect(normalizeRegion('nsw', 'AU', true)).toEqual({ value: 'NSW' });
  });

  it('drops the country prefix from a region code of another country', () => {
    expect(normalizeRegion('DE-by', 'DE', true)).toEqual({ value: 'BY' });
  });

  it('keeps a region name of another country as written', () => {
    expect(normalizeRegion('Baden-Württemberg', 'DE', true)).toEqual({ value: 'Baden-Württemberg' });
  });
});
