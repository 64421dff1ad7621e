import { describe, expect, it } from 'vitest';
import { checkFieldMapping, mapFormFields } from './form-fields.js';

const known = [
  ['email', 'email'],
  ['phone', 'phone'],
  ['mobile', 'phone'],
  ['first_name', 'firstName'],
  ['name', 'fullName'],
] as const;

describe('mapFormFields', () => {
  it('maps fields by the form source’s mapping', () => {
    const form = new URLSearchParams('your-email=ada%40acme.com&org=Acme+Corp&plan=Pro');
    const { fields } = mapFormFields(form, { mapping: { 'your-email': 'email', org: 'company', plan: 'custom.plan' } });
    expect(fields).toEqual({ email: 'ada@acme.com', company: 'Acme Corp', custom: { plan: 'Pro' } });
  });

  it('matches known names loosely', () => {
    const { fields } = mapFormFields({ 'First Name': 'Ada', EMAIL: 'ada@acme.com' }, { known });
    expect(fields).toEqual({ firstName: 'Ada', email: 'ada@acme.com' });
  });

  it('puts fields it does not know into custom under their own names', () => {
    const { fields } = mapFormFields({ email: 'ada@acme.com', 'How did you hear about us?': 'Podcast' }, { known });
    expect(fields).toEqual({ email: 'ada@acme.com', custom: { 'How did you hear about us?': 'Podcast' } });
  });

  it('lets the mapping win over a known name', () => {
    const { fields } = mapFormFields({ email: 'personal@gmail.com', work_email: 'ada@acme.com' }, { known, mapping: { work_email: 'email' } });
    expect(fields).toEqual({ email: 'ada@acme.com', custom: { email: 'personal@gmail.com' } });
  });

  it('prefers the known name listed first and keeps the other in custom', () => {
    const { fields } = mapFormFields({ mobile: '+44 7700 900123', phone: '+44 20 7946 0958' }, { known });
    expect(fields).toEqual({ phone: '+44 20 7946 0958', custom: { mobile: '+44 7700 900123' } });
  });

  it('falls back to the next field when the preferred one is blank', () => {
    const { fields } = mapFormFields({ phone: '', mobile: '+44 7700 900123' }, { known });
    expect(fields).toEqual({ phone: '+44 7700 900123' });
  });

  it('leaves out blank fields', () => {
    const { fields } = mapFormFields(new URLSearchParams('email=ada%40acme.com&company=&notes=+'), { known });
    expect(fields).toEqual({ email: 'ada@acme.com' });
  });

  it('keeps a repeated field as a list in custom', () => {
    const { fields } = mapFormFields(new URLSearchParams('interest=Solar&interest=Storage&email=ada%40acme.com'), { known });
    expect(fields).toEqual({ email: 'ada@acme.com', custom: { interest: ['Solar', 'Storage'] } });
  });

  it('reads a JSON list as a repeated field', () => {
    const { fields } = mapFormFields({ interest: ['Solar', 'Storage'] }, { known });
    expect(fields).toEqual({ custom: { interest: ['Solar', 'Storage'] } });
  });

  it('takes the first non-blank value of a repeated field for a lead field', () => {
    const { fields } = mapFormFields(new URLSearchParams('email=&email=ada%40acme.com'), { known });
    expect(fields).toEqual({ email: 'ada@acme.com' });
  });

  it('splits a full name into first and last name', () => {
    const { fields } = mapFormFields({ name: 'José María García' }, { known });
    expect(fields).toEqual({ firstName: 'José', lastName: 'María García' });
  });

  it('keeps a full name in custom when the first name comes on its own', () => {
    const { fields } = mapFormFields({ first_name: 'Ada', name: 'Ada Lovelace' }, { known });
    expect(fields).toEqual({ firstName: 'Ada', custom: { name: 'Ada Lovelace' } });
  });

  it('takes fields named custom.<name> into custom', () => {
    const { fields } = mapFormFields({ 'custom.tier': 'gold' }, { known });
    expect(fields).toEqual({ custom: { tier: 'gold' } });
  });

  it('drops the fields it is told to drop', () => {
    const { fields } = mapFormFields({ email: 'ada@acme.com', Submit: 'Send' }, { known, drop: ['submit'] });
    expect(fields).toEqual({ email: 'ada@acme.com' });
  });

  it('marks a post whose honeypot is filled in as spam and drops the honeypot', () => {
    const result = mapFormFields(new URLSearchParams('email=bot%40spam.biz&website=http%3A%2F%2Fspam.biz'), { known, honeypot: 'website' });
    expect(result).toEqual({ fields: { email: 'bot@spam.biz' }, spam: true });
  });

  it('does not mark a post whose honeypot is empty as spam', () => {
    const result = mapFormFields(new URLSearchParams('email=ada%40acme.com&website='), { known, honeypot: 'website' });
    expect(result).toEqual({ fields: { email: 'ada@acme.com' }, spam: false });
  });

  it('keeps a field named __proto__ as a plain custom key', () => {
    const { fields } = mapFormFields(new URLSearchParams('__proto__=x&email=ada%40acme.com'), { known });
    expect(Object.getPrototypeOf(fields.custom)).toBe(Object.prototype);
    expect(Object.keys(fields.custom as object)).toEqual(['__proto__']);
  });
});

describe('checkFieldMapping', () => {
  it('accepts lead fields, fullName and custom fields', () => {
    expect(checkFieldMapping({ 'Your name': 'fullName', Email: 'email', Budget: 'custom.budget' })).toEqual([]);
  });

  it('rejects an unknown lead field, naming the form field', () => {
    expect(checkFieldMapping({ 'Your email': 'mail' })).toEqual([
      { path: '["Your email"]', message: expect.stringMatching(/^unknown lead field "mail" \(expected one of firstName, /) },
    ]);
  });

  it('rejects a target that is not text', () => {
    expect(checkFieldMapping({ email: 5 })).toEqual([{ path: 'email', message: 'expected a lead field, got a number' }]);
  });

  it('rejects a mapping that is not an object', () => {
    expect(checkFieldMapping(['email'])).toEqual([{ path: '', message: 'expected an object of form field -> lead field, got a list' }]);
  });
});
