import { describe, expect, it } from 'vitest';
import { normalizeLead } from './index.js';

const US = { defaultCountry: 'US' };

describe('text fields', () => {
  it('trims names and makes each run of whitespace inside one space', () => {
    const { lead } = normalizeLead({ firstName: '  María   José ', lastName: 'García\tLópez ', email: 'mj@acme.es' }, US);
    expect([lead.firstName, lead.lastName]).toEqual(['María José', 'García López']);
  });

  it('keeps names outside Latin script as typed', () => {
    const { lead } = normalizeLead({ firstName: ' 太郎 ', lastName: 'Ñúñez-Ødegård', company: 'Ελληνική Εταιρεία' }, US);
    expect(lead).toEqual({ firstName: '太郎', lastName: 'Ñúñez-Ødegård', company: 'Ελληνική Εταιρεία' });
  });

  it('makes blank strings absent', () => {
    const { lead } = normalizeLead({ email: 'ada@acme.com', title: '   ', city: '' }, US);
    expect(lead).toEqual({ email: 'ada@acme.com' });
  });

  it('makes null fields absent', () => {
    const { lead } = normalizeLead({ email: 'ada@acme.com', company: null }, US);
    expect(lead).toEqual({ email: 'ada@acme.com' });
  });

  it('takes a number where text belongs, as a spreadsheet sends it', () => {
    const { lead } = normalizeLead({ company: 'Acme', externalId: 1042 }, US);
    expect(lead.externalId).toBe('1042');
  });

  it('rejects an object where text belongs', () => {
    const { errors } = normalizeLead({ company: { name: 'Acme' } }, US);
    expect(errors).toContainEqual({ path: 'company', message: 'expected text, got an object' });
  });

  it('rejects a boolean where text belongs', () => {
    const { errors } = normalizeLead({ company: 'Acme', title: true }, US);
    expect(errors).toEqual([{ path: 'title', message: 'expected text, got a boolean' }]);
  });

  it('rejects text longer than 500 characters', () => {
    const { errors } = normalizeLead({ company: 'A'.repeat(501) }, US);
    expect(errors).toContainEqual({ path: 'company', message: 'expected at most 500 characters' });
  });
});

describe('a whole lead', () => {
  it('normalises every field of a lead typed into a US web form', () => {
    const result = normalizeLead(
      {
        firstName: ' Ada ',
        lastName: 'Lovelace',
        email: ' Ada.Lovelace@Analytical-Engines.COM ',
        phone: '(201) 555-0123',
        company: 'Analytical Engines, Inc.',
        title: 'VP  Engineering',
        country: 'United States',
        region: 'Massachusetts',
        city: 'Boston',
        postalCode: 2134,
        language: 'English',
        product: 'Enterprise',
        value: '$50,000.00',
        source: 'webinar',
        externalId: ' crm-00042 ',
        custom: { budget: ' Q3 ' },
      },
      US,
    );
    expect(result).toEqual({
      ok: true,
      lead: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada.lovelace@analytical-engines.com',
        phone: '+12015550123',
        company: 'Analytical Engines, Inc.',
        title: 'VP Engineering',
        country: 'US',
        region: 'MA',
        city: 'Boston',
        postalCode: '02134',
        language: 'en',
        product: 'Enterprise',
        value: 50000,
        source: 'webinar',
        externalId: 'crm-00042',
        custom: { budget: 'Q3' },
      },
      errors: [],
      warnings: [],
    });
  });

  it('normalises a German lead', () => {
    const { lead } = normalizeLead(
      { firstName: 'Jürgen', lastName: 'Groß', email: 'j.gross@maschinenbau.de', phone: '089 1234567', country: 'Deutschland', postalCode: '80331', language: 'Deutsch' },
      US,
    );
    expect(lead).toMatchObject({ country: 'DE', phone: '+49891234567', postalCode: '80331', language: 'de' });
  });

  it('normalises a British lead', () => {
    const { lead } = normalizeLead({ lastName: "O'Neill", phone: '020 7946 0958', country: 'UK', postalCode: 'ec1a1bb' }, US);
    expect(lead).toMatchObject({ country: 'GB', phone: '+442079460958', postalCode: 'EC1A 1BB' });
  });
});

describe('countries and the default country', () => {
  it('reads a phone number by the lead’s own country', () => {
    const { lead } = normalizeLead({ lastName: 'Dupont', phone: '01 23 45 67 89', country: 'France' }, US);
    expect(lead.phone).toBe('+33123456789');
  });

  it('reads a phone number by the default country when the lead gives none', () => {
    const { lead } = normalizeLead({ lastName: 'Smith', phone: '020 7946 0958' }, { defaultCountry: 'GB' });
    expect(lead.phone).toBe('+442079460958');
  });

  it('does not fill in the country from the default', () => {
    const { lead } = normalizeLead({ lastName: 'Smith', phone: '201-555-0123' }, US);
    expect(lead.country).toBeUndefined();
  });

  it('reads a state name by the default country', () => {
    const { lead } = normalizeLead({ lastName: 'Smith', region: 'california' }, US);
    expect(lead.region).toBe('CA');
  });

  it('reads a postal code by the default country', () => {
    const { lead } = normalizeLead({ lastName: 'Smith', postalCode: 2134 }, US);
    expect(lead.postalCode).toBe('02134');
  });

  it('does not warn about a postal code that does not fit the default country', () => {
    const { lead, warnings } = normalizeLead({ lastName: 'Smith', postalCode: 'sw1a 1aa' }, US);
    expect([lead.postalCode, warnings]).toEqual(['SW1A 1AA', []]);
  });

  it('warns about a postal code that does not fit the lead’s own country', () => {
    const { warnings } = normalizeLead({ lastName: 'Smith', country: 'US', postalCode: 'SW1A 1AA' }, US);
    expect(warnings).toEqual([{ path: 'postalCode', message: 'not a valid US ZIP code; kept as given' }]);
  });

  it('reads fields by the default country when the lead’s country is not recognised', () => {
    const { lead, warnings } = normalizeLead({ lastName: 'Smith', country: 'Narnia', phone: '201 555 0123' }, US);
    expect([lead.country, lead.phone, warnings]).toEqual(['Narnia', '+12015550123', [{ path: 'country', message: 'not a known country; kept as given' }]]);
  });

  it('accepts the default country by name', () => {
    const { lead } = normalizeLead({ lastName: 'Schmidt', phone: '030 12345678' }, { defaultCountry: 'Germany' });
    expect(lead.phone).toBe('+493012345678');
  });

  it('refuses a default country it does not know', () => {
    expect(() => normalizeLead({ lastName: 'Smith' }, { defaultCountry: 'XX' })).toThrow(/defaultCountry/);
  });
});

describe('errors and warnings', () => {
  it('rejects an invalid email address', () => {
    const result = normalizeLead({ firstName: 'Ada', email: 'ada@acme' }, US);
    expect([result.ok, result.errors]).toEqual([false, [{ path: 'email', message: 'not a valid email address' }]]);
  });

  it('rejects a value that is not a number', () => {
    const { errors } = normalizeLead({ company: 'Acme', value: 'TBD' }, US);
    expect(errors).toEqual([{ path: 'value', message: 'expected a number' }]);
  });

  it('rejects a value of the wrong type', () => {
    const { errors } = normalizeLead({ company: 'Acme', value: [5] }, US);
    expect(errors).toEqual([{ path: 'value', message: 'expected a number, got a list' }]);
  });

  it('takes a value given as a number', () => {
    const { lead } = normalizeLead({ company: 'Acme', value: 1250 }, US);
    expect(lead.value).toBe(1250);
  });

  it('keeps a phone number it cannot read, with a warning, and accepts the lead', () => {
    const result = normalizeLead({ lastName: 'Smith', phone: 'ask for Bob' }, US);
    expect(result).toMatchObject({ ok: true, lead: { phone: 'ask for Bob' }, warnings: [{ path: 'phone', message: 'not a valid phone number for US; kept as given' }] });
  });

  it('keeps a phone extension in custom', () => {
    const { lead } = normalizeLead({ lastName: 'Smith', phone: '201-555-0123 x42' }, US);
    expect([lead.phone, lead.custom]).toEqual(['+12015550123', { phoneExtension: '42' }]);
  });

  it('rejects an unknown field, naming the lead fields', () => {
    const { errors } = normalizeLead({ lastName: 'Smith', fristName: 'Ada' }, US);
    expect(errors).toEqual([{ path: 'fristName', message: expect.stringMatching(/^unknown field \(lead fields are firstName, lastName, email/) }]);
  });

  it('rejects custom that is not an object', () => {
    const { errors } = normalizeLead({ lastName: 'Smith', custom: 'vip' }, US);
    expect(errors).toEqual([{ path: 'custom', message: 'expected an object, got a string' }]);
  });

  it('rejects a lead with nothing to reach or name anyone by', () => {
    const { errors } = normalizeLead({ city: 'Boston', value: 500 }, US);
    expect(errors).toEqual([{ path: '', message: 'a lead needs at least one of email, phone, firstName, lastName, company' }]);
  });

  it('does not add that complaint when the only contact given was invalid', () => {
    const { errors } = normalizeLead({ email: 'not-an-email' }, US);
    expect(errors).toEqual([{ path: 'email', message: 'not a valid email address' }]);
  });

  it('rejects input that is not an object', () => {
    const result = normalizeLead(['ada@acme.com'], US);
    expect(result).toEqual({ ok: false, lead: {}, errors: [{ path: '', message: 'expected an object with lead fields, got a list' }], warnings: [] });
  });

  it('reports every problem at once', () => {
    const { errors, warnings } = normalizeLead({ email: 'x@', value: 'lots', country: 'Atlantis', phone: '12', language: 'Elvish' }, US);
    expect([errors.map((e) => e.path), warnings.map((w) => w.path)]).toEqual([['email', 'value'], ['country', 'phone', 'language']]);
  });
});
