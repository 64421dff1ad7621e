import { describe, expect, it } from 'vitest';
import { accountKeys, companyKey, emailDomain } from './account-key.js';

describe('accountKeys', () => {
  it('gives the email domain and the company name', () => {
    expect(accountKeys({ email: 'ada@acme.com', company: 'Acme, Inc.' })).toEqual([
      { kind: 'domain', value: 'acme.com' },
      { kind: 'company', value: 'acme' },
    ]);
  });

  it('gives no domain for a free-mail address', () => {
    expect(accountKeys({ email: 'ada.lovelace@gmail.com', company: 'Acme' })).toEqual([{ kind: 'company', value: 'acme' }]);
  });

  it('gives no domain for a German free-mail address', () => {
    expect(accountKeys({ email: 'juergen@web.de' })).toEqual([]);
  });

  it('gives nothing for a lead with neither email nor company', () => {
    expect(accountKeys({ phone: '+12015550123' } as never)).toEqual([]);
  });
});

describe('emailDomain', () => {
  it('lowercases the domain and keeps its subdomains', () => {
    expect(emailDomain('Ada@Sales.ACME.com')).toBe('sales.acme.com');
  });

  it('gives nothing for an address without a domain', () => {
    expect(emailDomain('ada')).toBeUndefined();
  });
});

describe('companyKey', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Incorporated', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['The Acme Company', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Acme LLC', 'acme'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['Siemens AG', 'siemens'],
    ['Nestlé S.A.', 'nestle'],
    ['Société Générale SA', 'societe generale'],
    ['Dupont S.à r.l.', 'dupont'],
    ['Grupo Bimbo, S.A.B. de C.V.', 'grupo bimbo'],
    ['Industrias Peñoles S.A. de C.V.', 'industrias penoles'],
    ['Philips N.V.', 'philips'],
    ['Unilever PLC', 'unilever'],
    ['Fiat S.p.A.', 'fiat'],
    ['Nordisk Filosofi ApS', 'nordisk filosofi'],
    ['Kraków Software Sp. z o.o.', 'krakow software'],
    ['Procter & Gamble', 'procter gamble'],
    ['Procter and Gamble Co.', 'procter gamble'],
    ['Straße Bau GmbH', 'strasse bau'],
  ])('reduces %s to %s', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  it('keeps a name that is nothing but a legal form', () => {
    expect(companyKey('Company')).toBe('company');
  });

  it('gives nothing for a name of punctuation only', () => {
    expect(companyKey(' -- ')).toBeUndefined();
  });
});
