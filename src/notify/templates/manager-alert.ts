import { FACTS_TABLE, LEAD_BUTTON } from './layout.js';
import type { NoticeTemplate } from './notice-template.js';

/** What the managers are told of, as `notify.managers` names it in the routing configuration. */
export type ManagerAlertReason = 'reassigned' | 'sla-breached' | 'unroutable' | 'expired';

const BODY = {
  text: `{{headline}}
{{#if facts.length}}

{{#each facts}}
{{label}}: {{value}}
{{/each}}
{{/if}}
{{#if summary}}

{{summary}}
{{/if}}

Open the lead: {{link}}
`,
  html: `{{#> layout}}
<h1 style="margin:0 0 8px;font-size:18px;">{{headline}}</h1>
${FACTS_TABLE}
{{#if summary}}
<p style="margin:0;color:#57606a;">{{summary}}</p>
{{/if}}
${LEAD_BUTTON}
{{/layout}}`,
  sms: '{{headline}} {{link}}',
};

/** One alert per reason: the same body under its own subject and headline. */
export const MANAGER_ALERTS: Readonly<Record<ManagerAlertReason, NoticeTemplate>> = {
  reassigned: {
    subject: 'Lead reassigned: {{lead.name}}',
    headline: '{{lead.name}} was reassigned{{#if rep}} from {{rep.name}}{{/if}}.',
    ...BODY,
  },
  'sla-breached': {
    subject: 'First-contact SLA breached: {{lead.name}}',
    headline: '{{#if rep}}{{rep.name}} has not{{else}}Nobody has{{/if}} contacted {{lead.name}} within the first-contact SLA.',
    ...BODY,
  },
  unroutable: {
    subject: 'Nobody could take a lead: {{lead.name}}',
    headline: 'No rep could take {{lead.name}}.',
    ...BODY,
  },
  expired: {
    subject: 'Offer expired: {{lead.name}}',
    headline: '{{#if rep}}{{rep.name}} let{{else}}Nobody accepted{{/if}} the offer of {{lead.name}}{{#if rep}} expire{{/if}}.',
    ...BODY,
  },
};
