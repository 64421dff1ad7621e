import { describe, expect, it } from 'vitest';
import { normalizeLead } from './normalize/index.js';
import { fromWebToLead } from './web-to-lead.js';

/** A post from the HTML that Salesforce generates for Web-to-Lead, as a browser urlencodes it. */
const SALESFORCE_FORM = [
  'captcha_settings=%7B%22keyname%22%3A%22v2%22%7D',
  'oid=00D5e000000ABCD',
  'retURL=https%3A%2F%2Fwww.acme-solar.com%2Fthanks',
  'first_name=Jos%C3%A9',
  'last_name=Garc%C3%ADa+L%C3%B3pez',
  'email=Jose.Garcia%40Example-Builders.com',
  'company=Example+Builders%2C+S.L.',
  'city=San+Diego',
  'state=California',
  'zip=92101',
  'country=USA',
  'phone=%28619%29+555-0142',
  'mobile=',
  'title=Director+de+Compras',
  'industry=Construction',
  'lead_source=Web',
  'description=Need+a+quote+for+40+rooftops%0D%0Aby+Q3',
  'URL=https%3A%2F%2Fexample-builders.com',
  '00N5e00000Hbc1Z=Commercial',
  'g-recaptcha-response=03AGdBq25',
  'submit=Submit',
].join('&');

describe('fromWebToLead', () => {
  it('maps the fields of a Salesforce Web-to-Lead post', () => {
    const { fields } = fromWebToLead(new URLSearchParams(SALESFORCE_FORM));
    expect(fields).toEqual({
      firstName: 'José',
      lastName: 'García López',
      email: 'Jose.Garcia@Example-Builders.com',
      company: 'Example Builders, S.L.',
      city: 'San Diego',
      region: 'California',
      postalCode: '92101',
      country: 'USA',
      phone: '(619) 555-0142',
      title: 'Director de Compras',
      industry: 'Construction',
      source: 'Web',
      custom: {
        description: 'Need a quote for 40 rooftops\r\nby Q3',
        URL: 'https://example-builders.com',
        '00N5e00000Hbc1Z': 'Commercial',
      },
    });
  });

  it('returns retURL apart', () => {
    expect(fromWebToLead(new URLSearchParams(SALESFORCE_FORM)).returnUrl).toBe('https://www.acme-solar.com/thanks');
  });

  it('gives a lead that normalises cleanly', () => {
    const result = normalizeLead(fromWebToLead(new URLSearchParams(SALESFORCE_FORM)).fields, { defaultCountry: 'US' });
    expect(result).toMatchObject({
      ok: true,
      lead: { email: 'jose.garcia@example-builders.com', country: 'US', region: 'CA', postalCode: '92101', phone: '+16195550142' },
      warnings: [],
    });
  });

  it('drops the transport fields', () => {
    const { fields } = fromWebToLead(new URLSearchParams('oid=00D&debug=1&debugEmail=admin%40acme.com&encoding=UTF-8&email=ada%40acme.com'));
    expect(fields).toEqual({ email: 'ada@acme.com' });
  });

  it('prefers state_code over state and keeps the name in custom', () => {
    const { fields } = fromWebToLead(new URLSearchParams('last_name=Tremblay&state=Ontario&state_code=ON&country_code=CA'));
    expect(fields).toEqual({ lastName: 'Tremblay', region: 'ON', country: 'CA', custom: { state: 'Ontario' } });
  });

  it('takes the mobile number as the phone when there is no phone', () => {
    const { fields } = fromWebToLead(new URLSearchParams('last_name=Smith&phone=&mobile=07700+900123'));
    expect(fields).toEqual({ lastName: 'Smith', phone: '07700 900123' });
  });

  it('takes leadrouter’s own field names as they are', () => {
    const { fields } = fromWebToLead({ firstName: 'Ada', postalCode: '02134', language: 'es', value: '5000', product: 'Solar' });
    expect(fields).toEqual({ firstName: 'Ada', postalCode: '02134', language: 'es', value: '5000', product: 'Solar' });
  });

  it('applies the form source’s mapping before the Web-to-Lead names', () => {
    const form = new URLSearchParams('00N5e00000Hbc1Z=Commercial&company=Acme&email=ada%40acme.com');
    const { fields } = fromWebToLead(form, { mapping: { '00N5e00000Hbc1Z': 'product' } });
    expect(fields).toEqual({ product: 'Commercial', company: 'Acme', email: 'ada@acme.com' });
  });

  it('reports a filled-in honeypot as spam', () => {
    expect(fromWebToLead(new URLSearchParams('email=bot%40x.biz&fax_2=123'), { honeypot: 'fax_2' }).spam).toBe(true);
  });

  it('has no return URL when the post has none', () => {
    expect(fromWebToLead({ email: 'ada@acme.com' }).returnUrl).toBeUndefined();
  });
});
