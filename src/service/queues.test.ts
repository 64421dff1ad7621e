import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../settings/package.js';
import type { Lead } from '../engine/index.js';
import type { Database } from '../store/database.js';
import { timeline } from '../store/repositories/lead-events.js';
import { getLead } from '../store/repositories/leads.js';
import { getRep } from '../store/repositories/people.js';
import { activateConfigVersion, insertConfigVersion } from '../store/repositories/routing-configs.js';
import { pendingTimers } from '../store/repositories/timers.js';
import { STORES } from '../store/test-support.js';
import { captureBatch, captureLead, type CaptureDeps } from './capture.js';
import type { Caller } from './lifecycle.js';
import { updateRep } from './people.js';
import { listQueues, pull } from './queues.js';
import { captureDeps, partnerLead, seedExample, TestClock, WEEKDAY } from './test-support.js';

const MINUTE = 60_000;
const manager: Caller = { actor: 'manager-key', repId: null };
const rep = (repId: string): Caller => ({ actor: `${repId}-key`, repId });

describe.each(STORES)('pull queues on $name', (store) => {
  let db: Database;
  let close: () => Promise<void>;
  let connectAgain: () => Database;
  let clock: TestClock;
  let deps: CaptureDeps;

  beforeEach(async () => {
    ({ db, close, connectAgain } = await store.open());
    await seedExample(db, 'insurance');
    clock = new TestClock(WEEKDAY);
    deps = captureDeps(db, clock);
  });
  afterEach(async () => close());

  /** Captures a lead the insurance example sends to the partners queue. */
  const queued = async (lead: Lead) => {
    const { lead: stored } = await captureLead(deps, { lead });
    expect(stored).toMatchObject({ status: 'queued', queue: 'partners' });
    return stored;
  };
  const events = async (id: string) => (await timeline(db, id)).map((e) => e.type);

  it('gives the puller the highest-scored lead first, then the oldest', async () => {
    const noPhone = await queued({ ...partnerLead(1), phone: null }); // score 20
    clock.advance(MINUTE);
    const older = await queued(partnerLead(2)); // score 30
    clock.advance(MINUTE);
    const newer = await queued(partnerLead(3)); // score 30
    clock.advance(MINUTE);
    const big = await queued({ ...partnerLead(4), country: 'GB', region: null, value: 60_000 }); // score 70
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) order.push((await pull(deps, 'partners', rep('emma')))?.id);
    expect(order).toEqual([big.id, older.id, newer.id, noPhone.id]);
  });

  it('answers null when the queue is empty', async () => {
    expect(await pull(deps, 'partners', rep('emma'))).toBeNull();
  });

  it('takes leads only from the queue named', async () => {
    await queued(partnerLead(1));
    expect(await pull(deps, 'managers', rep('emma'))).toBeNull();
  });

  it('assigns the pulled lead to the puller at once', async () => {
    const lead = await queued(partnerLead(1));
    const pulled = await pull(deps, 'partners', rep('emma'));
    expect(pulled).toMatchObject({ id: lead.id, status: 'assigned', ownerId: 'emma', queue: null, team: null, offeredAt: WEEKDAY, assignedAt: WEEKDAY, attempts: 1 });
    expect(await getLead(db, lead.id)).toEqual(pulled);
  });

  it('records the pull and the assignment on the lead’s timeline', async () => {
    const lead = await queued(partnerLead(1));
    await pull(deps, 'partners', rep('emma'));
    expect(await events(lead.id)).toEqual(['captured', 'scored', 'routed', 'queued', 'pulled', 'assigned']);
    const log = await timeline(db, lead.id);
    expect(log.find((e) => e.type === 'pulled')).toMatchObject({ actor: 'emma-key', data: { queue: 'partners', repId: 'emma' } });
  });

  it('starts the first-contact deadline of a pulled lead', async () => {
    const lead = await queued(partnerLead(1));
    await pull(deps, 'partners', rep('emma'));
    expect(await pendingTimers(db, lead.id)).toEqual([{ leadId: lead.id, kind: 'first-contact', runAt: WEEKDAY + 15 * MINUTE, attempt: 1 }]);
  });

  it('counts the pulled lead against the rep’s load and their count for the day', async () => {
    await queued(partnerLead(1));
    await pull(deps, 'partners', rep('diego'));
    expect(await getRep(db, 'diego')).toMatchObject({ openLeads: 11, daily: { date: '2026-11-24', count: 1 } });
  });

  it('refuses a rep at capacity with 409, naming why', async () => {
    await updateRep(db, 'emma', { maxOpenLeads: 1 }, clock);
    await queued(partnerLead(1));
    clock.advance(MINUTE);
    const second = await queued(partnerLead(2));
    await pull(deps, 'partners', rep('emma'));
    await expect(pull(deps, 'partners', rep('emma'))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('at capacity (1/1 open leads)'),
      details: { repId: 'emma', exclusion: { code: 'at-capacity', open: 1, max: 1 } },
    });
    expect(await getLead(db, second.id)).toMatchObject({ status: 'queued', queue: 'partners' });
  });

  it('refuses a rep who reached their daily cap on their own calendar day', async () => {
    await updateRep(db, 'emma', { dailyCap: 1 }, clock);
    await queued(partnerLead(1));
    await queued(partnerLead(2));
    await pull(deps, 'partners', rep('emma'));
    await expect(pull(deps, 'partners', rep('emma'))).rejects.toMatchObject({ code: 'conflict', details: { exclusion: { code: 'daily-cap', count: 1, cap: 1 } } });
    clock.advance(14 * 60 * MINUTE); // 08:00 UTC: midnight has passed in Los Angeles
    expect(await pull(deps, 'partners', rep('emma'))).toMatchObject({ ownerId: 'emma' });
  });

  it('refuses an inactive rep', async () => {
    await queued(partnerLead(1));
    await expect(pull(deps, 'partners', rep('liam'))).rejects.toMatchObject({ code: 'conflict', details: { exclusion: { code: 'inactive' } } });
  });

  it('lets a rep pull outside their working hours: pulling is being at work', async () => {
    clock.advance(12 * 60 * MINUTE); // 06:00 UTC: 22:00 in Los Angeles
    await updateRep(db, 'emma', { presence: 'offline' }, clock);
    await queued(partnerLead(1));
    expect(await pull(deps, 'partners', rep('emma'))).toMatchObject({ status: 'assigned', ownerId: 'emma' });
  });

  it('pulls for the rep a manager names', async () => {
    await queued(partnerLead(1));
    expect(await pull(deps, 'partners', manager, 'farah')).toMatchObject({ ownerId: 'farah' });
  });

  it('refuses a manager’s pull that names no rep, with the field', async () => {
    await expect(pull(deps, 'partners', manager)).rejects.toMatchObject({ code: 'invalid', details: [{ path: 'repId' }] });
  });

  it('refuses a pull for an unknown rep, with the field', async () => {
    await expect(pull(deps, 'partners', manager, 'nobody')).rejects.toMatchObject({ code: 'invalid', details: [{ path: 'repId', message: 'unknown rep "nobody"' }] });
  });

  it('refuses a rep key pulling for another rep', async () => {
    await expect(pull(deps, 'partners', rep('emma'), 'farah')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists each queue with its depth and the age of its oldest lead, empty configured queues included', async () => {
    await queued(partnerLead(1));
    clock.advance(MINUTE);
    await queued(partnerLead(2));
    clock.advance(4 * MINUTE);
    expect(await listQueues(deps, manager)).toEqual([
      { key: 'managers', depth: 0, oldestAt: null, oldestAgeSeconds: null, pullers: 'everyone', mayPull: null },
      { key: 'partners', depth: 2, oldestAt: WEEKDAY, oldestAgeSeconds: 300, pullers: 'everyone', mayPull: null },
    ]);
  });

  it('lists a queue the configuration no longer names while leads still wait in it', async () => {
    await db.transaction().execute(async (trx) => activateConfigVersion(trx, await insertConfigVersion(trx, 'fallback: { assign: { queue: triage } }', null, WEEKDAY)));
    await captureLead(deps, { lead: partnerLead(1) });
    await db.transaction().execute(async (trx) => activateConfigVersion(trx, 1));
    expect((await listQueues(deps, manager)).map((q) => [q.key, q.depth])).toEqual([
      ['managers', 0],
      ['partners', 0],
      ['triage', 1],
    ]);
  });

  describe('with the configuration saying who pulls from each queue', () => {
    /** The insurance example with partners open to the inbound team and Emma, Spanish speakers only, and the managers queue left to managers. */
    const withPullers = async () => {
      const source = readFileSync(join(packageRoot(), 'examples', 'insurance', 'routing.yaml'), 'utf8');
      const queues = 'queues:\n  partners: { pullers: { teams: [inbound], reps: [emma] }, require: { languages: [es] } }\n  managers: { pullers: nobody }\n';
      await db.transaction().execute(async (trx) => activateConfigVersion(trx, await insertConfigVersion(trx, `${source}\n${queues}`, null, WEEKDAY)));
    };

    it('lets a member of a puller team pull', async () => {
      await withPullers();
      const lead = await queued(partnerLead(1));
      expect(await pull(deps, 'partners', rep('gabriel'))).toMatchObject({ id: lead.id, ownerId: 'gabriel' });
    });

    it('refuses a rep who is not one of the queue’s pullers, saying so', async () => {
      await withPullers();
      await queued(partnerLead(1));
      await expect(pull(deps, 'partners', rep('ava'))).rejects.toMatchObject({
        code: 'conflict',
        message: 'rep "ava" cannot pull from partners now: not one of the reps who may pull from partners',
        details: { exclusion: { code: 'not-a-puller', queue: 'partners' } },
      });
    });

    it('refuses a named puller without what the queue requires', async () => {
      await withPullers();
      await queued(partnerLead(1));
      await expect(pull(deps, 'partners', rep('emma'))).rejects.toMatchObject({ code: 'conflict', details: { exclusion: { code: 'missing-language', missing: ['es'] } } });
    });

    it('lets no rep pull from a queue left to managers', async () => {
      await withPullers();
      await expect(pull(deps, 'managers', rep('gabriel'))).rejects.toMatchObject({ code: 'conflict', details: { exclusion: { code: 'not-a-puller' } } });
    });

    it('tells a rep which queues they pull from, busy or not', async () => {
      await withPullers();
      await updateRep(db, 'isabel', { maxOpenLeads: 0 }, clock);
      const mayPull = async (repId: string) => Object.fromEntries((await listQueues(deps, rep(repId))).map((q) => [q.key, q.mayPull]));
      expect(await mayPull('gabriel')).toEqual({ managers: false, partners: true });
      expect(await mayPull('hannah')).toEqual({ managers: false, partners: false }); // no Spanish
      expect(await mayPull('isabel')).toEqual({ managers: false, partners: true }); // at capacity for now
      expect(await mayPull('ava')).toEqual({ managers: false, partners: false });
    });

    it('tells a manager who pulls from each queue', async () => {
      await withPullers();
      expect((await listQueues(deps, manager)).map((q) => [q.key, q.pullers, q.mayPull])).toEqual([
        ['managers', 'nobody', null],
        ['partners', { teams: ['inbound'], reps: new Set(['emma']) }, null],
      ]);
    });
  });

  it('never lets a rep pull past capacity, even with two pulls at once on two instances', async () => {
    await updateRep(db, 'emma', { maxOpenLeads: 1 }, clock);
    await queued(partnerLead(1));
    await queued(partnerLead(2));
    const other = connectAgain();
    try {
      const otherDeps = captureDeps(other, clock);
      await listQueues(otherDeps, manager); // connected and warm, so that both pulls really run together
      const results = await Promise.allSettled([pull(deps, 'partners', rep('emma')), pull(otherDeps, 'partners', rep('emma'))]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')?.reason).toMatchObject({ code: 'conflict' });
      expect((await getRep(db, 'emma'))?.openLeads).toBe(1);
    } finally {
      await other.destroy();
    }
  });

  it('gives every lead to exactly one rep when 8 reps pull at once on two instances', async () => {
    const LEADS = 200;
    const pullers = ['ava', 'ben', 'chloe', 'diego', 'emma', 'farah', 'gabriel', 'hannah'];
    for (const id of pullers) await updateRep(db, id, { maxOpenLeads: 1000 }, clock);
    const before = new Map(await Promise.all(pullers.map(async (id) => [id, (await getRep(db, id))!.openLeads ?? 0] as const)));
    const captured = await captureBatch(deps, Array.from({ length: LEADS }, (_, n) => ({ lead: partnerLead(n) })));
    expect(captured.every((c) => c.lead.status === 'queued')).toBe(true);

    const other = connectAgain();
    try {
      const instances = [deps, captureDeps(other, clock)];
      const pulledBy = new Map<string, string[]>(pullers.map((id) => [id, []]));
      let pulled = 0;
      let inFlight = 0;
      await Promise.all(
        pullers.map(async (repId, i) => {
          for (;;) {
            inFlight++;
            const lead = await pull(instances[i % 2]!, 'partners', rep(repId));
            inFlight--;
            if (!lead) {
              // Empty means empty: every lead left is already taken by a pull still in flight.
              expect(pulled + inFlight).toBeGreaterThanOrEqual(LEADS);
              return;
            }
            expect(lead.ownerId).toBe(repId);
            pulledBy.get(repId)!.push(lead.id);
            pulled++;
          }
        }),
      );
      const all = [...pulledBy.values()].flat();
      expect(all).toHaveLength(LEADS);
      expect(new Set(all)).toEqual(new Set(captured.map((c) => c.lead.id)));
      for (const [repId, ids] of pulledBy) {
        for (const id of ids) expect(await getLead(db, id)).toMatchObject({ status: 'assigned', ownerId: repId });
        expect((await getRep(db, repId))?.openLeads).toBe(before.get(repId)! + ids.length);
      }
      for (const id of all) expect((await events(id)).filter((t) => t === 'pulled')).toHaveLength(1);
      expect((await listQueues(deps, manager)).find((q) => q.key === 'partners')?.depth).toBe(0);
    } finally {
      await other.destroy();
    }
  });
});
