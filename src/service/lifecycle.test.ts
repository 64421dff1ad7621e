import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { timeline } from '../store/repositories/lead-events.js';
import { getLead } from '../store/repositories/leads.js';
import { getRep } from '../store/repositories/people.js';
import { pendingTimers } from '../store/repositories/timers.js';
import { STORES } from '../store/test-support.js';
import { captureLead, type CaptureDeps } from './capture.js';
import { ServiceError } from './errors.js';
import { setAvailability } from './people.js';
import { accept, closeLead, logActivity, reassign, reject, type Caller } from './lifecycle.js';
import { captureDeps, seedExample, TestClock, WEEKDAY, westHealth } from './test-support.js';
import { TimerWorker } from './timer-worker.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const manager: Caller = { actor: 'manager-key', repId: null };
const rep = (repId: string): Caller => ({ actor: `${repId}-key`, repId });

describe.each(STORES)('the lead lifecycle on $name', (store) => {
  let db: Database;
  let close: () => Promise<void>;
  let connectAgain: () => Database;
  let clock: TestClock;
  let deps: CaptureDeps;
  let timers: TimerWorker;

  beforeEach(async () => {
    ({ db, close, connectAgain } = await store.open());
    await seedExample(db, 'insurance');
    clock = new TestClock(WEEKDAY);
    deps = captureDeps(db, clock);
    timers = new TimerWorker(deps, (error) => {
      throw error;
    });
  });
  afterEach(async () => close());

  const offered = async (n = 1) => (await captureLead(deps, { lead: westHealth(n) })).lead;
  const events = async (id: string) => (await timeline(db, id)).map((e) => e.type);

  it('starts the offer window when a lead is offered', async () => {
    const lead = await offered();
    expect(await pendingTimers(db, lead.id)).toEqual([{ leadId: lead.id, kind: 'offer-expiry', runAt: WEEKDAY + 5 * MINUTE, attempt: 1 }]);
  });

  it('assigns an accepted lead to the rep and starts the first-contact deadline', async () => {
    const lead = await offered();
    const { lead: after } = await accept(deps, lead.id, rep('emma'));
    expect(after).toMatchObject({ status: 'assigned', ownerId: 'emma', assignedAt: WEEKDAY });
    expect(await pendingTimers(db, lead.id)).toEqual([{ leadId: lead.id, kind: 'first-contact', runAt: WEEKDAY + 15 * MINUTE, attempt: 1 }]);
    expect(await events(lead.id)).toEqual(['captured', 'scored', 'routed', 'offered', 'accepted']);
  });

  it('offers a rejected lead to the next best rep, and the rejecter’s load drops', async () => {
    const lead = await offered();
    const { lead: after, decision } = await reject(deps, lead.id, rep('emma'), 'not my area');
    expect(after).toMatchObject({ status: 'offered', attempts: 2, triedReps: ['emma'] });
    expect(after.ownerId).not.toBe('emma');
    expect(decision?.explanation.routes.at(-1)?.candidates?.find((c) => c.repId === 'emma')?.excluded).toMatchObject({ code: 'already-tried' });
    expect((await getRep(db, 'emma'))?.openLeads).toBe(0);
    expect(await events(lead.id)).toEqual(['captured', 'scored', 'routed', 'offered', 'rejected', 'scored', 'routed', 'offered']);
  });

  it('never offers a lead again to a rep who rejected it or let it expire', async () => {
    const lead = await offered();
    const first = await reject(deps, lead.id, rep('emma'), null);
    clock.advance(5 * MINUTE);
    await timers.runDue();
    const third = (await getLead(db, lead.id))!;
    expect(new Set([first.lead.ownerId, third.ownerId, 'emma']).size).toBe(3);
  });

  it('offers the lead to the next rep when the window passes, and tells the manager', async () => {
    const lead = await offered();
    clock.advance(5 * MINUTE);
    expect(await timers.runDue()).toBe(1);
    const after = (await getLead(db, lead.id))!;
    expect(after).toMatchObject({ status: 'offered', attempts: 2, triedReps: ['emma'] });
    const log = await timeline(db, lead.id);
    expect(log.map((e) => e.type)).toContain('expired');
    expect(log.find((e) => e.type === 'manager-alerted')?.data).toMatchObject({ reason: 'expired', team: 'west', managerIds: ['kate'] });
  });

  it('does not fire an offer window before it ends', async () => {
    const lead = await offered();
    clock.advance(5 * MINUTE - 1);
    expect(await timers.runDue()).toBe(0);
    expect((await getLead(db, lead.id))?.status).toBe('offered');
  });

  it('sends the lead to the managers’ queue after the last attempt', async () => {
    const lead = await offered();
    for (let i = 0; i < 3; i++) {
      clock.advance(5 * MINUTE);
      await timers.runDue();
    }
    expect(await getLead(db, lead.id)).toMatchObject({ status: 'queued', queue: 'managers', ownerId: null, attempts: 3 });
    expect(await pendingTimers(db, lead.id)).toEqual([]);
  });

  it('reassigns a lead whose owner did not contact it in time, and tells the manager', async () => {
    const lead = await offered();
    await accept(deps, lead.id, rep('emma'));
    clock.advance(15 * MINUTE);
    await timers.runDue();
    const after = (await getLead(db, lead.id))!;
    expect(after.status).toBe('offered');
    expect(after.ownerId).not.toBe('emma');
    const log = await timeline(db, lead.id);
    expect(log.find((e) => e.type === 'sla-breached')?.data).toMatchObject({ repId: 'emma', onBreach: 'reassign' });
    expect(log.find((e) => e.type === 'manager-alerted' && e.data?.reason === 'sla-breached')).toBeDefined();
  });

  it('meets the first-contact deadline with a logged contact', async () => {
    const lead = await offered();
    await accept(deps, lead.id, rep('emma'));
    clock.advance(10 * MINUTE);
    const { lead: after } = await logActivity(deps, lead.id, rep('emma'), { type: 'call', note: 'left a voicemail' });
    expect(after).toMatchObject({ status: 'contacted', contactedAt: WEEKDAY + 10 * MINUTE });
    clock.advance(10 * MINUTE);
    expect(await timers.runDue()).toBe(0);
    expect((await getLead(db, lead.id))?.ownerId).toBe('emma');
  });

  it('closes a won lead with its revenue and counts it on the rep', async () => {
    const lead = await offered();
    await accept(deps, lead.id, rep('emma'));
    await logActivity(deps, lead.id, rep('emma'), { type: 'contacted' });
    const before = (await getRep(db, 'emma'))!;
    const { lead: after } = await closeLead(deps, lead.id, rep('emma'), { outcome: 'won', revenue: 1200 });
    expect(after).toMatchObject({ status: 'won', revenue: 1200, closedAt: WEEKDAY });
    expect(await getRep(db, 'emma')).toMatchObject({ openLeads: before.openLeads! - 1, won: (before.won ?? 0) + 1 });
  });

  it('keeps the reason of a lost lead', async () => {
    const lead = await offered();
    await accept(deps, lead.id, rep('emma'));
    const { lead: after } = await closeLead(deps, lead.id, manager, { outcome: 'lost', reason: 'bought elsewhere' });
    expect(after).toMatchObject({ status: 'lost', lostReason: 'bought elsewhere' });
  });

  it('refuses an illegal move with the status and what is allowed', async () => {
    const lead = await offered();
    const refused = await closeLead(deps, lead.id, rep('emma'), { outcome: 'won', revenue: null }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'conflict', details: { status: 'offered', allowed: ['accept', 'reject', 'note', 'lose', 'reassign'] } });
  });

  it('lets a rep act only on their own leads', async () => {
    const lead = await offered();
    await expect(accept(deps, lead.id, rep('diego'))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets a manager give a lead to a rep named, assigned at once', async () => {
    const lead = await offered();
    const { lead: after } = await reassign(deps, lead.id, manager, { repId: 'farah', reason: 'speaks Arabic' });
    expect(after).toMatchObject({ status: 'assigned', ownerId: 'farah' });
    expect((await getRep(db, 'emma'))?.openLeads).toBe(0);
    expect((await getRep(db, 'farah'))?.openLeads).toBe(1);
  });

  it('refuses a reassignment to an unknown rep', async () => {
    const lead = await offered();
    await expect(reassign(deps, lead.id, manager, { repId: 'nobody' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('holds a lead at night and offers it when the rep’s working day starts', async () => {
    clock.advance(12 * 60 * MINUTE); // 06:00 UTC: 22:00 in Los Angeles
    const lead = await offered();
    expect(lead.status).toBe('held');
    clock.advance(11 * 60 * MINUTE); // 17:00 UTC: 09:00 in Los Angeles
    await timers.runDue();
    const after = (await getLead(db, lead.id))!;
    expect(after).toMatchObject({ status: 'offered', ownerId: 'emma' });
    expect(await events(lead.id)).toEqual(['captured', 'scored', 'routed', 'held', 'released', 'scored', 'routed', 'offered']);
  });

  /** A second instance on the same database: its own connections and caches. */
  const anotherInstance = () => {
    const other = connectAgain();
    const otherDeps = captureDeps(other, clock);
    return { db: other, deps: otherDeps, timers: new TimerWorker(otherDeps, (error) => { throw error; }) };
  };

  it('routes a held lead as soon as someone is back, without waiting for the re-check', async () => {
    const away = { presence: 'online' as const, outOfOffice: { from: new Date(WEEKDAY - DAY).toISOString(), until: new Date(WEEKDAY + 7 * DAY).toISOString() } };
    for (const id of ['diego', 'emma', 'farah', 'gabriel', 'hannah', 'isabel', 'jack']) await setAvailability(db, id, away, clock);
    const lead = await offered();
    expect(lead.status).toBe('held');
    clock.advance(MINUTE);
    await setAvailability(db, 'farah', { presence: 'online' }, clock);
    await timers.runDue();
    expect(await getLead(db, lead.id)).toMatchObject({ status: 'offered', ownerId: 'farah' });
  });

  it('fires a timer once when two instances poll together', async () => {
    const leads = await Promise.all([1, 2, 3, 4].map((n) => offered(n)));
    clock.advance(5 * MINUTE);
    const second = anotherInstance();
    try {
      const fired = await Promise.all([timers.runDue(), second.timers.runDue(), timers.runDue(), second.timers.runDue()]);
      expect(fired.reduce((a, b) => a + b)).toBe(4);
      for (const lead of leads) expect((await events(lead.id)).filter((t) => t === 'expired')).toHaveLength(1);
    } finally {
      await second.db.destroy();
    }
  });

  it('loses no timer and fires none twice across a restart', async () => {
    const leads = await Promise.all([1, 2, 3].map((n) => offered(n)));
    // Captured at once, the leads may take the rotation in any order: the first is accepted by whoever got it.
    await accept(deps, leads[0]!.id, rep(leads[0]!.ownerId!));
    clock.advance(15 * MINUTE);
    const restarted = anotherInstance();
    try {
      expect(await restarted.timers.runDue()).toBe(3);
      expect(await restarted.timers.runDue()).toBe(0);
      expect(await timers.runDue()).toBe(0);
      expect((await events(leads[0]!.id)).filter((t) => t === 'sla-breached')).toHaveLength(1);
      for (const lead of leads.slice(1)) expect((await events(lead.id)).filter((t) => t === 'expired')).toHaveLength(1);
    } finally {
      await restarted.db.destroy();
    }
  });

  it('gives an accept at the moment the offer expires exactly one outcome', async () => {
    const lead = await offered();
    clock.advance(5 * MINUTE);
    const second = anotherInstance();
    try {
      const [accepted, fired] = await Promise.allSettled([accept(second.deps, lead.id, rep('emma')), timers.runDue()]);
      const log = await events(lead.id);
      if (accepted.status === 'fulfilled') {
        expect(log).not.toContain('expired');
        expect((await getLead(db, lead.id))?.status).toBe('assigned');
      } else {
        expect(accepted.reason).toMatchObject({ code: expect.stringMatching(/conflict|not_found/) });
        expect(fired).toMatchObject({ status: 'fulfilled', value: 1 });
        expect(log.filter((t) => t === 'expired')).toHaveLength(1);
        expect(log).not.toContain('accepted');
      }
    } finally {
      await second.db.destroy();
    }
  });
});
