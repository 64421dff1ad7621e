import type { CompiledConfig, Rep } from '../engine/index.js';
import {
  emailMessage,
  renderAutoResponse,
  renderManagerAlert,
  renderRepNotice,
  slackMessage,
  smsMessage,
  smsSendableAt,
  webhookEvent,
  webhookMessage,
  type ManagerAlertReason,
  type NoticeLead,
  type NoticeRep,
  type OutboundMessage,
  type RenderedNotice,
  type WebhookEventName,
} from '../notify/index.js';
import type { LeadEvent } from '../store/repositories/lead-events.js';
import type { StoredLead } from '../store/repositories/leads.js';
import type { NewNotification } from '../store/repositories/notifications.js';
import type { Webhook } from '../store/repositories/webhooks.js';
import { newId } from './ids.js';
import { publicLead } from './lead-view.js';

/** What the messages need from the service's settings. */
export interface NoticeSettings {
  /** Where the console runs: the rep's message links to the lead there. */
  consoleUrl: string;
}

/** What a transaction knows when it works out its messages. */
export interface NoticeContext {
  config: CompiledConfig | null;
  rep(id: string): Rep | undefined;
  /** The leads the events are about, as the transaction leaves them. */
  leads: ReadonlyMap<string, StoredLead>;
  webhooks: readonly Webhook[];
  settings: NoticeSettings;
  now: number;
}

const DEFAULT_REP_CHANNELS: readonly ('email' | 'sms')[] = ['email'];
const MANAGER_REASONS: ReadonlySet<string> = new Set<ManagerAlertReason>(['reassigned', 'sla-breached', 'unroutable', 'expired']);

const noticeRep = (rep: Rep): NoticeRep => ({ id: rep.id, name: rep.name, timezone: rep.timezone });

/**
 * The messages a transaction's timeline events call for, as outbox rows: the rep told of a lead
 * offered or assigned to them (by the channels of their profile, else the configuration's
 * `notify.rep`), the managers alerted (for the reasons `notify.managers` lists), the lead's
 * automatic reply (`notify.lead.autoResponse`), and every webhook subscription that listens.
 * Each row's key names its cause, so the same cause never sends twice; an SMS waits out the
 * recipient's quiet hours.
 */
export function noticesFor(entries: readonly { leadId: string; event: LeadEvent }[], context: NoticeContext): NewNotification[] {
  const notices: NewNotification[] = [];
  const notify = context.config?.doc.notify;
  const summaries = routingSummaries(entries);
  for (const { leadId, event } of entries) {
    const lead = context.leads.get(leadId);
    if (!lead) continue;
    const facts: NoticeLead = { id: lead.id, fields: lead.fields, score: lead.score, grade: lead.grade, route: lead.route, summary: summaries.get(leadId) ?? null };
    const cause = `${leadId}:${event.type}:${event.at}`;
    const add = (kind: string, message: OutboundMessage, recipient: string, notBefore = context.now) =>
      notices.push({ id: newId(context.now), dedupeKey: `${cause}:${kind}:${message.channel}:${recipient}`, kind, channel: message.channel, recipient, leadId, message, notBefore });
    const toPerson = (kind: string, person: Rep, notice: RenderedNotice, channels: readonly ('email' | 'sms')[]) => {
      if (channels.includes('email') && person.email) add(kind, emailMessage(person.email, notice), person.email);
      if (channels.includes('sms') && person.phone) add(kind, smsMessage(person.phone, notice), person.phone, smsSendableAt(context.now, person.timezone));
    };
    const repId = typeof event.data?.repId === 'string' ? event.data.repId : null;
    const rep = repId ? context.rep(repId) : undefined;

    if ((event.type === 'offered' || event.type === 'assigned') && rep) {
      const acceptBy = event.type === 'offered' && context.config ? event.at + context.config.offer.timeoutMs : null;
      const notice = renderRepNotice({ lead: facts, rep: noticeRep(rep), consoleUrl: context.settings.consoleUrl, acceptBy });
      const channels = rep.channels ?? notify?.rep.filter((c): c is 'email' | 'sms' => c === 'email' || c === 'sms') ?? DEFAULT_REP_CHANNELS;
      toPerson(`rep-${event.type}`, rep, notice, channels);
      webhooks(`lead.${event.type}`, rep);
    }
    if (event.type === 'manager-alerted') {
      const reason = String(event.data?.reason) as ManagerAlertReason;
      if (MANAGER_REASONS.has(reason) && notify?.managers.includes(reason)) {
        const concerned = lead.ownerId ? context.rep(lead.ownerId) : undefined;
        const notice = renderManagerAlert({ reason, lead: facts, rep: concerned && noticeRep(concerned), consoleUrl: context.settings.consoleUrl });
        const managerIds = Array.isArray(event.data?.managerIds) ? (event.data.managerIds as string[]) : [];
        for (const manager of managerIds.map((id) => context.rep(id)).filter((m): m is Rep => m !== undefined)) {
          toPerson('manager-alert', manager, notice, manager.channels ?? DEFAULT_REP_CHANNELS);
        }
      }
      if (MANAGER_REASONS.has(reason)) webhooks(`lead.${reason}` as WebhookEventName, lead.ownerId ? context.rep(lead.ownerId) : undefined);
    }
    if (event.type === 'captured' && notify?.lead?.autoResponse && !lead.isTest) autoResponse(notify.lead.autoResponse);

    function webhooks(name: WebhookEventName, about: Rep | undefined) {
      for (const hook of context.webhooks) {
        if (hook.events.length > 0 && !hook.events.includes(name)) continue;
        const payload = webhookEvent(name, publicLead(lead!), event.at, about && noticeRep(about));
        const message = hook.format === 'slack' ? slackMessage(hook.url, renderFor(name, facts, about)) : webhookMessage(hook, payload);
        add(`webhook:${name}`, message, hook.id);
      }
    }

    function autoResponse(reply: { channel: 'email' | 'sms'; template: string }) {
      const owner = lead!.ownerId ? context.rep(lead!.ownerId) : undefined;
      const notice = renderAutoResponse({ template: reply.template, lead: facts, rep: owner && noticeRep(owner) });
      const { email, phone } = lead!.fields;
      if (reply.channel === 'email' && email) add('auto-response', emailMessage(email, notice), email);
      if (reply.channel === 'sms' && phone) add('auto-response', smsMessage(phone, notice), phone, smsSendableAt(context.now, context.config!.timezone));
    }
  }
  return notices;

  function renderFor(name: WebhookEventName, facts: NoticeLead, about: Rep | undefined): RenderedNotice {
    const rep = about ? noticeRep(about) : null;
    if (name === 'lead.offered' || name === 'lead.assigned') return renderRepNotice({ lead: facts, rep: rep ?? { id: '', name: 'nobody' }, consoleUrl: context.settings.consoleUrl, acceptBy: null });
    return renderManagerAlert({ reason: name.slice('lead.'.length) as ManagerAlertReason, lead: facts, rep, consoleUrl: context.settings.consoleUrl });
  }
}

/** The one line of explanation routing gave each lead routed in this transaction (its last routing, if several). */
function routingSummaries(entries: readonly { leadId: string; event: LeadEvent }[]): Map<string, string> {
  const summaries = new Map<string, string>();
  for (const { leadId, event } of entries) {
    if (event.type === 'routed' && typeof event.data?.summary === 'string') summaries.set(leadId, event.data.summary);
  }
  return summaries;
}
