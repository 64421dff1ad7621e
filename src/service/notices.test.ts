import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannels, verifySignature, type OutboundMessage } from '../notify/index.js';
import { startReceiver, startSmtpServer, type Receiver, type SmtpInbox } from '../notify/test-support.js';
import type { Database } from '../store/database.js';
import { enqueueNotifications } from '../store/repositories/notifications.js';
import { STORES } from '../store/test-support.js';
import { captureLead, type CaptureDeps } from './capture.js';
import { Dispatcher } from './dispatcher.js';
import { accept } from './lifecycle.js';
import { updateRep } from './people.js';
import { captureDeps, seedExample, TestClock, WEEKDAY, westHealth } from './test-support.js';
import { TimerWorker } from './timer-worker.js';
import { createWebhook } from './webhooks.js';

const MINUTE = 60_000;
const CONSOLE = 'https://console.summit.example';

describe.each(STORES)('notifications on $name', (store) => {
  let db: Database;
  let close: () => Promise<void>;
  let clock: TestClock;
  let deps: CaptureDeps;
  let inbox: SmtpInbox;
  let hooks: Receiver | undefined;

  beforeEach(async () => {
    ({ db, close } = await store.open());
    await seedExample(db, 'insurance');
    clock = new TestClock(WEEKDAY);
    deps = captureDeps(db, clock, { consoleUrl: CONSOLE });
    inbox = await startSmtpServer();
  });
  afterEach(async () => {
    await inbox.close();
    await hooks?.close();
    await close();
  });

  const outbox = () => db.selectFrom('notifications').selectAll().orderBy('created_at').orderBy('id').execute();
  const deliver = async () => {
    const channels = createChannels({ smtpUrl: inbox.url });
    const dispatcher = new Dispatcher(db, clock, (n) => channels.send(n.message as OutboundMessage, n.dedupeKey), {
      retryDelayMs: () => MINUTE,
      onError: (error) => {
        throw error;
      },
    });
    await dispatcher.runDue();
    channels.close();
  };
  const mailTo = (address: string) => inbox.messages.filter((m) => m.envelopeTo.includes(address)).map((m) => m.mail);

  it('writes the rep’s message in the capture’s transaction and delivers it by email, with a link to the lead', async () => {
    const { lead } = await captureLead(deps, { lead: westHealth(1) });
    expect((await outbox()).filter((n) => n.kind === 'rep-offered')).toEqual([expect.objectContaining({ recipient: 'emma@summit.example', channel: 'email', status: 'pending' })]);
    await deliver();
    const [mail] = mailTo('emma@summit.example');
    expect(mail?.subject).toContain('Pat1 Jones');
    expect(mail?.text).toContain(`${CONSOLE}/leads/${lead.id}`);
    expect(mail?.html).toContain(`${CONSOLE}/leads/${lead.id}`);
  });

  it('answers the lead with the configured automatic reply', async () => {
    await captureLead(deps, { lead: { ...westHealth(1), email: 'pat@example.org' } });
    await deliver();
    expect(mailTo('pat@example.org')).toHaveLength(1);
  });

  it('sends no automatic reply to a test lead', async () => {
    await captureLead(deps, { lead: { ...westHealth(1), email: 'pat@example.org' }, isTest: true });
    expect((await outbox()).filter((n) => n.kind === 'auto-response')).toEqual([]);
  });

  it('escapes a lead’s name in the HTML and keeps it as written in the text', async () => {
    await captureLead(deps, { lead: { ...westHealth(1), firstName: '<script>alert(1)</script>' } });
    await deliver();
    const [mail] = mailTo('emma@summit.example');
    expect(mail?.html).not.toContain('<script>');
    expect(mail?.html).toContain('&lt;script&gt;');
    expect(mail?.text).toContain('<script>alert(1)</script>');
  });

  it('texts a rep who chose SMS, and waits for the end of their quiet hours', async () => {
    await updateRep(db, 'emma', { channels: ['sms'], phone: '+14155550199', workingHours: null }, clock);
    clock.advance(12 * 60 * MINUTE); // 06:00 UTC: 22:00 in Los Angeles
    await captureLead(deps, { lead: westHealth(1) });
    const sms = (await outbox()).filter((n) => n.kind === 'rep-offered');
    expect(sms).toEqual([expect.objectContaining({ channel: 'sms', recipient: '+14155550199', next_attempt_at: Date.parse('2026-11-25T16:00:00Z') })]);
  });

  it('alerts the managers when a first contact is missed, as the configuration asks', async () => {
    const { lead } = await captureLead(deps, { lead: westHealth(1) });
    await accept(deps, lead.id, { actor: 'emma-key', repId: 'emma' });
    clock.advance(15 * MINUTE);
    await new TimerWorker(deps, (error) => {
      throw error;
    }).runDue();
    expect((await outbox()).filter((n) => n.kind === 'manager-alert')).toEqual([expect.objectContaining({ recipient: 'kate@summit.example' })]);
    await deliver();
    expect(mailTo('kate@summit.example')[0]?.subject).toMatch(/first contact|SLA|missed/i);
  });

  it('does not alert the managers of an expired offer the configuration does not list', async () => {
    await captureLead(deps, { lead: westHealth(1) });
    clock.advance(5 * MINUTE);
    await new TimerWorker(deps, (error) => {
      throw error;
    }).runDue();
    expect((await outbox()).filter((n) => n.kind === 'manager-alert')).toEqual([]);
  });

  it('signs a webhook delivery so the receiver can verify it', async () => {
    hooks = await startReceiver(() => ({ status: 200 }));
    const hook = await createWebhook(db, { url: `${hooks.url}/leadrouter`, events: ['lead.offered'] }, clock);
    const { lead } = await captureLead(deps, { lead: westHealth(1) });
    await deliver();
    const [request] = hooks.requests;
    expect(JSON.parse(request!.body)).toMatchObject({ event: 'lead.offered', lead: { id: lead.id, ownerId: 'emma' }, rep: { id: 'emma' } });
    const timestamp = String(request!.headers['leadrouter-timestamp']);
    expect(verifySignature(hook.secret, timestamp, String(request!.headers['leadrouter-signature']), request!.body, Number(timestamp))).toBe(true);
  });

  it('sends nothing twice for one cause when its rows are written again', async () => {
    await captureLead(deps, { lead: westHealth(1) });
    const rows = await outbox();
    await enqueueNotifications(
      db,
      rows.map((r) => ({ id: `${r.id}-again`, dedupeKey: r.dedupe_key, kind: r.kind, channel: r.channel, recipient: r.recipient, leadId: r.lead_id, message: {}, notBefore: clock.now() })),
      clock.now(),
    );
    expect(await outbox()).toHaveLength(rows.length);
    await deliver();
    await deliver();
    expect(mailTo('emma@summit.example')).toHaveLength(1);
  });
});
