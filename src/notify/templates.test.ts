import { describe, expect, it } from 'vitest';
import type { NoticeLead, NoticeRep } from './facts.js';
import { AUTO_RESPONSE_TEMPLATES, renderAutoResponse, renderManagerAlert, renderRepNotice, SMS_LIMIT, type ManagerAlertReason } from './templates.js';

const lead: NoticeLead = {
  id: 'lead-7f3a',
  fields: {
    firstName: 'Maria',
    lastName: 'Lopez',
    email: 'maria@gmail.com',
    phone: '+14155550100',
    company: 'Lopez & Sons',
    product: 'health',
    value: 12000,
    city: 'San Francisco',
    region: 'CA',
    country: 'US',
    source: 'web',
  },
  score: 70,
  grade: 'A',
  route: 'west-health',
  summary: 'Offered to Ava Thompson (west-health) by route west-health',
};
const ava: NoticeRep = { id: 'ava', name: 'Ava Thompson', timezone: 'America/Los_Angeles' };
const consoleUrl = 'https://console.agency.example/';
const ACCEPT_BY = Date.parse('2026-11-24T18:05:00Z');
const SCRIPT = '<script>alert(1)</script>';
const scripted: NoticeLead = { ...lead, fields: { ...lead.fields, firstName: SCRIPT, lastName: null } };

describe("the rep's new-lead message", () => {
  const offer = renderRepNotice({ lead, rep: ava, consoleUrl, acceptBy: ACCEPT_BY });
  const assignment = renderRepNotice({ lead, rep: ava, consoleUrl });

  it('names the lead and their company in the subject', () => {
    expect(offer.subject).toBe('Lead offered to you: Maria Lopez, Lopez & Sons');
    expect(assignment.subject).toBe('New lead: Maria Lopez, Lopez & Sons');
  });

  it('gives every detail of the lead in the text', () => {
    for (const line of ['Company: Lopez & Sons', 'Email: maria@gmail.com', 'Phone: +14155550100', 'Product: health', 'Value: 12,000', 'Score: 70 (grade A)', 'Route: west-health']) {
      expect(offer.text).toContain(line);
    }
  });

  it('says why the lead is theirs', () => {
    expect(offer.text).toContain('Offered to Ava Thompson (west-health) by route west-health');
    expect(offer.html).toContain('Offered to Ava Thompson (west-health) by route west-health');
  });

  it('links to the lead in the console, in the text, the HTML and the SMS', () => {
    const link = 'https://console.agency.example/leads/lead-7f3a';
    expect(offer.text).toContain(`Open the lead: ${link}`);
    expect(offer.html).toContain(`<a href="${link}"`);
    expect(offer.sms).toContain(link);
  });

  it("gives an offer's accept-by time on the rep's own clock", () => {
    expect(offer.text).toContain('Accept it by Tue 24 Nov, 10:05 PST, or it goes to the next rep.');
    expect(offer.sms).toContain('Accept by Tue 24 Nov, 10:05 PST.');
  });

  it('gives the accept-by time in UTC to a rep whose time zone is unknown', () => {
    const nowhere = renderRepNotice({ lead, rep: { ...ava, timezone: 'Mars/Olympus_Mons' }, consoleUrl, acceptBy: ACCEPT_BY });
    expect(nowhere.sms).toContain('Accept by Tue 24 Nov, 18:05 UTC.');
  });

  it('gives an assignment no accept-by time', () => {
    expect(assignment.text).not.toContain('Accept');
    expect(assignment.text).toMatch(/^A new lead is yours: Maria Lopez \(Lopez & Sons\)\n/);
  });

  it('leaves out the lines of details the lead did not give', () => {
    const bare = renderRepNotice({ lead: { id: 'L2', fields: { email: 'kim@acme.example' } }, rep: ava, consoleUrl });
    expect(bare.text).toBe('A new lead is yours: kim@acme.example\n\nEmail: kim@acme.example\n\nOpen the lead: https://console.agency.example/leads/L2\n');
  });

  it('escapes what the lead typed in the HTML and keeps it as typed in the text and the subject', () => {
    const notice = renderRepNotice({ lead: scripted, rep: ava, consoleUrl });
    expect(notice.html).not.toContain(SCRIPT);
    expect(notice.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(notice.text).toContain(`A new lead is yours: ${SCRIPT} (Lopez & Sons)`);
    expect(notice.subject).toBe(`New lead: ${SCRIPT}, Lopez & Sons`);
    expect(notice.html).toContain('Lopez &amp; Sons');
  });

  it('keeps the subject on one line whatever the lead typed', () => {
    const notice = renderRepNotice({ lead: { ...lead, fields: { ...lead.fields, company: 'Acme\r\nBcc: victim@example.com' } }, rep: ava, consoleUrl });
    expect(notice.subject).toBe('New lead: Maria Lopez, Acme Bcc: victim@example.com');
  });

  it('keeps the SMS within two segments, link whole, however long the lead\'s details', () => {
    const long = 'x'.repeat(500);
    const notice = renderRepNotice({
      lead: { ...lead, fields: { ...lead.fields, firstName: long, lastName: long, company: long, phone: long } },
      rep: ava,
      consoleUrl,
      acceptBy: ACCEPT_BY,
    });
    expect(notice.sms.length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(notice.sms).toMatch(/ https:\/\/console\.agency\.example\/leads\/lead-7f3a$/);
  });
});

describe('the manager alert', () => {
  const alert = (reason: ManagerAlertReason, rep: NoticeRep | null = ava) => renderManagerAlert({ reason, lead, rep, consoleUrl });

  it.each([
    ['reassigned', 'Lead reassigned: Maria Lopez', 'Maria Lopez was reassigned from Ava Thompson.'],
    ['sla-breached', 'First-contact SLA breached: Maria Lopez', 'Ava Thompson has not contacted Maria Lopez within the first-contact SLA.'],
    ['expired', 'Offer expired: Maria Lopez', 'Ava Thompson let the offer of Maria Lopez expire.'],
  ] as const)('for %s names the lead and the rep concerned', (reason, subject, headline) => {
    const notice = alert(reason);
    expect(notice.subject).toBe(subject);
    expect(notice.text.split('\n')[0]).toBe(headline);
    expect(notice.sms).toBe(`${headline} https://console.agency.example/leads/lead-7f3a`);
  });

  it('for an unroutable lead says nobody could take it', () => {
    const notice = alert('unroutable', null);
    expect(notice.subject).toBe('Nobody could take a lead: Maria Lopez');
    expect(notice.text.split('\n')[0]).toBe('No rep could take Maria Lopez.');
  });

  it('gives the details of the lead and links to it', () => {
    const notice = alert('reassigned');
    expect(notice.text).toContain('Value: 12,000');
    expect(notice.text).toContain('Open the lead: https://console.agency.example/leads/lead-7f3a');
    expect(notice.html).toContain('href="https://console.agency.example/leads/lead-7f3a"');
  });

  it('escapes what the lead typed in the HTML and keeps it as typed in the text', () => {
    const notice = renderManagerAlert({ reason: 'unroutable', lead: scripted, consoleUrl });
    expect(notice.html).not.toContain(SCRIPT);
    expect(notice.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(notice.text).toContain(`No rep could take ${SCRIPT}.`);
  });
});

describe('the auto-response to the lead', () => {
  it('thanks the lead by name and says who will be in touch', () => {
    const notice = renderAutoResponse({ template: 'thank-you', lead, rep: ava });
    expect(notice.subject).toBe('Thank you for getting in touch');
    expect(notice.text).toContain('Hello Maria,');
    expect(notice.text).toContain('Ava Thompson will contact you shortly.');
    expect(notice.sms).toBe('Thank you for getting in touch, Maria. Ava Thompson will contact you shortly.');
  });

  it('says the team will be in touch when no rep has the lead yet', () => {
    expect(renderAutoResponse({ template: 'thank-you', lead }).text).toContain('One of our team will contact you shortly.');
  });

  it('shows the lead no console link and nothing of the routing', () => {
    const notice = renderAutoResponse({ template: 'thank-you', lead, rep: ava });
    for (const part of [notice.text, notice.html, notice.sms]) {
      expect(part).not.toContain('console.agency.example');
      expect(part).not.toContain('west-health');
    }
  });

  it('escapes what the lead typed in the HTML and keeps it as typed in the text', () => {
    const notice = renderAutoResponse({ template: 'thank-you', lead: scripted });
    expect(notice.html).not.toContain(SCRIPT);
    expect(notice.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(notice.text).toContain(`Hello ${SCRIPT},`);
  });

  it('ships the templates the examples name', () => {
    expect(AUTO_RESPONSE_TEMPLATES).toEqual(expect.arrayContaining(['thank-you', 'demo-confirmation', 'inspection-booking']));
  });

  it('refuses a template it does not have, naming those it has', () => {
    expect(() => renderAutoResponse({ template: 'thanks-sms', lead })).toThrow(
      'unknown auto-response template "thanks-sms": expected one of thank-you, demo-confirmation, inspection-booking',
    );
  });

  it('does not take a property every object has for a template', () => {
    expect(() => renderAutoResponse({ template: 'constructor', lead })).toThrow('unknown auto-response template "constructor"');
  });
});

describe('every template', () => {
  const notices = [
    renderRepNotice({ lead, rep: ava, consoleUrl, acceptBy: ACCEPT_BY }),
    renderRepNotice({ lead: { id: 'L2', fields: {} }, rep: ava, consoleUrl }),
    ...(['reassigned', 'sla-breached', 'unroutable', 'expired'] as const).map((reason) => renderManagerAlert({ reason, lead, rep: ava, consoleUrl })),
    ...AUTO_RESPONSE_TEMPLATES.flatMap((template) => [renderAutoResponse({ template, lead, rep: ava }), renderAutoResponse({ template, lead: { id: 'L2', fields: {} } })]),
  ];

  it('has a plain-text part', () => {
    for (const notice of notices) expect(notice.text.trim().length).toBeGreaterThan(20);
  });

  it('has an HTML part that is a whole document', () => {
    for (const notice of notices) expect(notice.html).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
  });

  it('fits its SMS in two segments', () => {
    for (const notice of notices) expect(notice.sms.length).toBeLessThanOrEqual(SMS_LIMIT);
  });
});
