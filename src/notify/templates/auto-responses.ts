import type { NoticeTemplate } from './notice-template.js';

/**
 * The automatic replies to a lead, by the name `notify.lead.autoResponse.template` gives. The
 * lead sees no console link and no routing details: only that someone will be in touch, and who
 * when a rep has the lead already.
 */
export const AUTO_RESPONSES: Readonly<Record<string, NoticeTemplate>> = {
  'thank-you': {
    subject: 'Thank you for getting in touch',
    text: `{{#if lead.firstName}}Hello {{lead.firstName}},{{else}}Hello,{{/if}}

Thank you for getting in touch. {{#if rep}}{{rep.name}} will contact you shortly.{{else}}One of our team will contact you shortly.{{/if}}

If anything changes in the meantime, simply reply to this message.
`,
    html: `{{#> layout}}
<p style="margin:0 0 12px;">{{#if lead.firstName}}Hello {{lead.firstName}},{{else}}Hello,{{/if}}</p>
<p style="margin:0 0 12px;">Thank you for getting in touch. {{#if rep}}{{rep.name}} will contact you shortly.{{else}}One of our team will contact you shortly.{{/if}}</p>
<p style="margin:0;">If anything changes in the meantime, simply reply to this message.</p>
{{/layout}}`,
    sms: 'Thank you for getting in touch{{#if lead.firstName}}, {{lead.firstName}}{{/if}}. {{#if rep}}{{rep.name}}{{else}}One of our team{{/if}} will contact you shortly.',
  },
  'demo-confirmation': {
    subject: 'Your demo request',
    text: `{{#if lead.firstName}}Hello {{lead.firstName}},{{else}}Hello,{{/if}}

Thank you for asking for a demo{{#if lead.product}} of {{lead.product}}{{/if}}. {{#if rep}}{{rep.name}} will be in touch{{else}}We will be in touch{{/if}} shortly to find a time that suits you.
`,
    html: `{{#> layout}}
<p style="margin:0 0 12px;">{{#if lead.firstName}}Hello {{lead.firstName}},{{else}}Hello,{{/if}}</p>
<p style="margin:0;">Thank you for asking for a demo{{#if lead.product}} of {{lead.product}}{{/if}}. {{#if rep}}{{rep.name}} will be in touch{{else}}We will be in touch{{/if}} shortly to find a time that suits you.</p>
{{/layout}}`,
    sms: 'Thanks for asking for a demo{{#if lead.firstName}}, {{lead.firstName}}{{/if}}. {{#if rep}}{{rep.name}} will{{else}}We will{{/if}} be in touch shortly to find a time.',
  },
  'inspection-booking': {
    subject: 'Booking your inspection',
    text: `{{#if lead.firstName}}Hello {{lead.firstName}},{{else}}Hello,{{/if}}

Thank you for your request. {{#if rep}}{{rep.name}}{{else}}Your local branch{{/if}} will call you shortly to book a time for the inspection.
`,
    html: `{{#> layout}}
<p style="margin:0 0 12px;">{{#if lead.firstName}}Hello {{lead.firstName}},{{else}}Hello,{{/if}}</p>
<p style="margin:0;">Thank you for your request. {{#if rep}}{{rep.name}}{{else}}Your local branch{{/if}} will call you shortly to book a time for the inspection.</p>
{{/layout}}`,
    sms: 'Thanks for your request{{#if lead.firstName}}, {{lead.firstName}}{{/if}}. {{#if rep}}{{rep.name}}{{else}}Your local branch{{/if}} will call you shortly to book your inspection.',
  },
};
