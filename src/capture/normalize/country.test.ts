import { describe, expect, it } from 'vitest';
import { countryCode, normalizeCountry } from './country.js';

describe('countryCode', () => {
  it.each([
    ['United States', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['us', 'US'],
    ['Deutschland', 'DE'],
    ['Germany', 'DE'],
    ['DE', 'DE'],
    ['GBR', 'GB'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['England', 'GB'],
    ['Allemagne', 'DE'],
    ['España', 'ES'],
    ['espana', 'ES'],
    ['Brasil', 'BR'],
    ['The Netherlands', 'NL'],
    ["Côte d'Ivoire", 'CI'],
    ['Korea, Republic of', 'KR'],
    ['Türkiye', 'TR'],
  ])('reads %s as %s', (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it('does not guess a country it does not know', () => {
    expect(countryCode('Narnia')).toBeUndefined();
  });
});

describe('normalizeCountry', () => {
  it('gives the alpha-2 code of a recognised country', () => {
    expect(normalizeCountry('Mexico')).toEqual({ value: 'MX' });
  });

  it('keeps a country it does not recognise as given, with a warning', () => {
    expect(normalizeCountry('Narnia')).toEqual({ value: 'Narnia', warning: 'not a known country; kept as given' });
  });
});
