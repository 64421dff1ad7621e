import Handlebars from 'handlebars';
import type { NoticeLead, NoticeRep } from './facts.js';
import { noticeView, type NoticeView, type ViewInput } from './notice-view.js';
import { AUTO_RESPONSES } from './templates/auto-responses.js';
import { LAYOUT } from './templates/layout.js';
import { MANAGER_ALERTS, type ManagerAlertReason } from './templates/manager-alert.js';
import type { NoticeTemplate } from './templates/notice-template.js';
import { REP_NOTICE } from './templates/rep-notice.js';

export type { ManagerAlertReason } from './templates/manager-alert.js';

/** A notice rendered for every channel: an email (subject, plain text, HTML) and an SMS. */
export interface RenderedNotice {
  subject: string;
  /** The plain-text part, always present. */
  text: string;
  html: string;
  /** At most SMS_LIMIT characters. */
  sms: string;
}

/** Two SMS segments: longer messages are split, and billed, by more. */
export const SMS_LIMIT = 320;

/** How long one field may be in an SMS, so that a long name cannot push the link off the end. */
const SMS_FIELD_LIMIT = 40;

/** A new lead for a rep: an offer, to accept by `acceptBy` (epoch ms), or without it an assignment. */
export function renderRepNotice(input: { lead: NoticeLead; rep: NoticeRep; consoleUrl: string; acceptBy?: number | null }): RenderedNotice {
  return render('rep-notice', REP_NOTICE, input);
}

/** An alert to the managers about a lead; `rep` is the rep concerned, when there is one. */
export function renderManagerAlert(input: { reason: ManagerAlertReason; lead: NoticeLead; rep?: NoticeRep | null; consoleUrl: string }): RenderedNotice {
  return render(`manager-alert/${input.reason}`, MANAGER_ALERTS[input.reason], input);
}

/** The names `notify.lead.autoResponse.template` may give. */
export const AUTO_RESPONSE_TEMPLATES: readonly string[] = Object.keys(AUTO_RESPONSES);

/**
 * The automatic reply to the lead, from the template the routing configuration names; `rep` is
 * who will be in touch, when routing found someone. The lead is not sent the console link.
 */
export function renderAutoResponse(input: { template: string; lead: NoticeLead; rep?: NoticeRep | null }): RenderedNotice {
  const template = Object.hasOwn(AUTO_RESPONSES, input.template) ? AUTO_RESPONSES[input.template] : undefined;
  if (!template) {
    throw new Error(`unknown auto-response template "${input.template}": expected one of ${AUTO_RESPONSE_TEMPLATES.join(', ')}`);
  }
  return render(`auto-response/${input.template}`, template, { lead: input.lead, rep: input.rep });
}

/** A private instance: our partials and settings, whatever else in the process uses Handlebars. */
const handlebars = Handlebars.create();
handlebars.registerPartial('layout', LAYOUT);

type Part = keyof NoticeTemplate;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Each part compiled on first use and kept. The HTML part escapes what it inserts; the others are
 * plain text, where escaping would show `&amp;` to the reader, so they are compiled without it.
 * Strict: a template naming a field the view lacks throws instead of rendering a gap.
 */
function part(name: string, template: NoticeTemplate, which: Part): Handlebars.TemplateDelegate {
  const key = `${name}.${which}`;
  let delegate = compiled.get(key);
  if (!delegate) {
    delegate = handlebars.compile(template[which] ?? '', { strict: true, noEscape: which !== 'html' });
    compiled.set(key, delegate);
  }
  return delegate;
}

function render(name: string, template: NoticeTemplate, input: ViewInput): RenderedNotice {
  const withHeadline = (view: NoticeView) => ({ ...view, headline: template.headline ? oneLine(part(name, template, 'headline')(view)) : '' });
  const full = withHeadline(noticeView(input));
  const subject = oneLine(part(name, template, 'subject')(full));
  const context = { ...full, subject };
  let sms: string | undefined;
  return {
    subject,
    text: part(name, template, 'text')(context),
    html: part(name, template, 'html')(context),
    // Written when read: most notices go by email only.
    get sms() {
      return (sms ??= fitSms(oneLine(part(name, template, 'sms')({ ...withHeadline(noticeView(input, SMS_FIELD_LIMIT)), subject }))));
    },
  };
}

/** A subject or an SMS on one line: a line break a lead typed must not start a new header. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function fitSms(text: string): string {
  return text.length <= SMS_LIMIT ? text : `${text.slice(0, SMS_LIMIT - 1)}…`;
}
