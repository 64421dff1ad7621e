import { FACTS_TABLE, LEAD_BUTTON } from './layout.js';
import type { NoticeTemplate } from './notice-template.js';

/** What a rep is told of a lead that is now theirs: offered (to accept in time) or assigned. */
export const REP_NOTICE: NoticeTemplate = {
  subject: '{{#if offered}}Lead offered to you{{else}}New lead{{/if}}: {{lead.name}}{{#if lead.company}}, {{lead.company}}{{/if}}',
  headline: '{{#if offered}}A lead is offered to you{{else}}A new lead is yours{{/if}}: {{lead.name}}{{#if lead.company}} ({{lead.company}}){{/if}}',
  text: `{{headline}}
{{#if acceptBy}}

Accept it by {{acceptBy}}, or it goes to the next rep.
{{/if}}
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
{{#if acceptBy}}
<p style="margin:0;">Accept it by <strong>{{acceptBy}}</strong>, or it goes to the next rep.</p>
{{/if}}
${FACTS_TABLE}
{{#if summary}}
<p style="margin:0;color:#57606a;">{{summary}}</p>
{{/if}}
${LEAD_BUTTON}
{{/layout}}`,
  sms: '{{headline}}{{#if lead.phone}}, {{lead.phone}}{{/if}}{{#if lead.value}}, value {{lead.value}}{{/if}}.{{#if acceptBy}} Accept by {{acceptBy}}.{{/if}} {{link}}',
};
