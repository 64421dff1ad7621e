import { leadName, type NoticeLead, type NoticeRep } from './facts.js';

/** A lead's fields as the templates show them: text, or null where the lead has none. */
export interface LeadView {
  name: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  product: string | null;
  value: string | null;
  score: string | null;
  grade: string | null;
  location: string | null;
  source: string | null;
}

/**
 * What a template is given. Every field is present, null when there is nothing to say, so that
 * a template naming a field that does not exist fails when it is rendered (strict mode) rather
 * than leaving a gap in every message it sends.
 */
export interface NoticeView {
  lead: LeadView;
  rep: { name: string } | null;
  /** The lead's details worth a line each, in order: the same list for the text and the HTML. */
  facts: { label: string; value: string }[];
  route: string | null;
  summary: string | null;
  /** The lead in the console; null in what the lead receives. */
  link: string | null;
  /** For an offer: when it must be accepted, on the rep's clock. */
  acceptBy: string | null;
  offered: boolean;
}

export interface ViewInput {
  lead: NoticeLead;
  rep?: NoticeRep | null;
  consoleUrl?: string | null;
  acceptBy?: number | null;
}

/**
 * The view of a notice. `fieldLimit` cuts every piece of text a lead or a rep gave to that many
 * characters, for SMS: whatever a lead typed into a form, the message keeps to two segments and
 * its link stays whole.
 */
export function noticeView(input: ViewInput, fieldLimit = Infinity): NoticeView {
  const { lead, rep } = input;
  const clip = (text: string | null | undefined): string | null =>
    !text ? null : text.length > fieldLimit ? `${text.slice(0, fieldLimit - 1)}…` : text;
  const view = leadView(lead, clip);
  return {
    lead: view,
    rep: rep ? { name: clip(rep.name) ?? '' } : null,
    facts: facts(view, clip(lead.route)),
    route: clip(lead.route),
    summary: clip(lead.summary),
    link: input.consoleUrl ? leadLink(input.consoleUrl, lead.id) : null,
    acceptBy: input.acceptBy == null ? null : localTime(input.acceptBy, rep?.timezone),
    offered: input.acceptBy != null,
  };
}

export function leadLink(consoleUrl: string, id: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}/leads/${encodeURIComponent(id)}`;
}

function leadView(lead: NoticeLead, clip: (text: string | null | undefined) => string | null): LeadView {
  const f = lead.fields;
  return {
    name: clip(leadName(f))!,
    firstName: clip(f.firstName),
    lastName: clip(f.lastName),
    company: clip(f.company),
    title: clip(f.title),
    email: clip(f.email),
    phone: clip(f.phone),
    product: clip(f.product),
    value: f.value == null ? null : AMOUNT.format(f.value),
    score: lead.score == null ? null : String(lead.score),
    grade: clip(lead.grade),
    location: clip([f.city, f.region, f.country].filter(Boolean).join(', ')),
    source: clip(f.source),
  };
}

/** No currency: a lead's value is in whatever currency the organisation deals in. */
const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function facts(lead: LeadView, route: string | null): NoticeView['facts'] {
  const score = lead.score === null ? null : lead.grade ? `${lead.score} (grade ${lead.grade})` : lead.score;
  const rows: [string, string | null][] = [
    ['Company', lead.company],
    ['Title', lead.title],
    ['Email', lead.email],
    ['Phone', lead.phone],
    ['Product', lead.product],
    ['Value', lead.value],
    ['Score', score],
    ['Location', lead.location],
    ['Source', lead.source],
    ['Route', route],
  ];
  return rows.flatMap(([label, value]) => (value === null ? [] : [{ label, value }]));
}

/** `Tue 24 Nov, 13:05 EST`: on the rep's own clock, since that is the one they act by (UTC when their zone is unknown). */
function localTime(instant: number, zone: string | null | undefined): string {
  const parts = Object.fromEntries(clockOf(zone || 'UTC').formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** Formatters by zone: making one is what costs (a rep message is written on every offer). */
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockOf(zone: string): Intl.DateTimeFormat {
  let clock = clocks.get(zone);
  if (!clock) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
    try {
      clock = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    } catch {
      clock = clockOf('UTC');
    }
    clocks.set(zone, clock);
  }
  return clock;
}
