import { describe, expect, it } from 'vitest';
import { isFreeMailDomain } from './free-mail.js';

describe('isFreeMailDomain', () => {
  it.each(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.jp', 'gmx.de', 'web.de', 'icloud.com', 'proton.me', 'qq.com', 'mail.ru'])(
    'knows %s as free mail',
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(true);
    },
  );

  it.each(['acme.com', 'siemens.de', 'salesforce.com', 'bbc.co.uk'])('knows %s as no free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });

  it('ignores case and a trailing dot', () => {
    expect(isFreeMailDomain('GMail.com.')).toBe(true);
  });

  it('does not take a company under a public suffix that the list holds for free mail', () => {
    expect(isFreeMailDomain('acme.com.ar')).toBe(false);
  });
});
