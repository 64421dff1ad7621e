import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadsTable } from '../schema.js';
import { STORES, type OpenStore } from '../test-support.js';
import { insertEvents, type LeadEvent } from './lead-events.js';
import { saveRep, saveTeam } from './people.js';
import { breachCounts, DAY_MS, figuresIn, offerCounts, outcomeCounts, rebuildStaleDays, speedToLead, timeToAccept } from './report-days.js';
import { figuresFromLeads, repLoads, teamShares, type FiguresByKey } from './reports.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const FROM = Date.parse('2026-10-01T00:00:00Z');
const TO = Date.parse('2026-11-01T00:00:00Z');
const WINDOW = { from: FROM, to: TO };

let n = 0;

/** A lead row as the service would have stored it, created at `createdAt`. */
function leadRow(createdAt: number, row: Partial<LeadsTable> = {}): LeadsTable {
  const id = `lead-${String(++n).padStart(4, '0')}`;
  return {
    id,
    status: 'new',
    source: 'web',
    external_key: null,
    fields: '{}',
    email: null,
    phone: null,
    email_key: null,
    phone_key: null,
    email_domain: null,
    company_key: null,
    account_id: null,
    owner_id: null,
    team_key: null,
    queue: null,
    score: null,
    grade: null,
    route: null,
    config_version: null,
    duplicate_of: null,
    is_test: 0,
    created_at: createdAt,
    updated_at: createdAt,
    attempts: 0,
    tried_reps: '[]',
    offered_at: null,
    assigned_at: null,
    contacted_at: null,
    closed_at: null,
    revenue: null,
    lost_reason: null,
    ...row,
  };
}

describe.each(STORES)('report figures on $name', (target) => {
  let store: OpenStore;
  beforeEach(async () => {
    store = await target.open();
    for (const id of ['ava', 'ben', 'cy']) await saveRep(store.db, { id, name: id.toUpperCase(), active: true, timezone: 'UTC', maxOpenLeads: id === 'cy' ? null : 10 }, FROM);
  });
  afterEach(async () => store.close());

  const insert = async (...rows: LeadsTable[]) => {
    await store.db.insertInto('leads').values(rows).execute();
    return rows;
  };
  const events = (leadId: string, ...list: LeadEvent[]) => insertEvents(store.db, list.map((event) => ({ leadId, event })));
  /** A lead of `owner` in `team`, captured at `at` and first contacted `after` ms later. */
  const contacted = (at: number, after: number, owner: string, team = 't1', row: Partial<LeadsTable> = {}) =>
    leadRow(at, { status: 'contacted', owner_id: owner, team_key: team, offered_at: at, assigned_at: at + MIN, contacted_at: at + after, ...row });

  describe('from the figures kept per day', () => {
    /** Leads over four days at uneven hours, with offers, answers and breaches: every figure has something to count. */
    const spreadOver4Days = async () => {
      const day = 24 * HOUR;
      for (let i = 0; i < 40; i++) {
        const at = FROM + Math.floor((i * 4 * day) / 40) + i * 7 * MIN;
        const owner = ['ava', 'ben', 'cy'][i % 3]!;
        const [lead] = await insert(contacted(at, (i % 7) * MIN + 30_000, owner, i % 2 ? 't1' : 't2', { source: i % 4 ? 'web' : null, ...(i % 5 === 0 && { status: 'won', revenue: 100 * i }) }));
        await events(
          lead!.id,
          { type: 'offered', at, actor: null, data: { repId: owner } },
          { type: i % 6 ? 'accepted' : 'rejected', at: at + MIN, actor: null, data: { repId: owner } },
          ...(i % 4 === 1 ? [{ type: 'sla-breached', at: at + 20 * MIN, actor: null, data: { repId: owner } }] : []),
        );
      }
    };
    /** Figures by key, the durations in order: kept days and the leads themselves list them in different orders. */
    const comparable = (byKey: FiguresByKey) =>
      new Map([...byKey].map(([key, f]) => [key, { counts: f.counts, speed: [...f.speed].sort((a, b) => a - b), accept: [...f.accept].sort((a, b) => a - b) }]));

    it('gives over whole and partial days the figures the leads and events give', async () => {
      await spreadOver4Days();
      const day = 24 * HOUR;
      const windows = [
        { from: FROM, to: FROM + 4 * day },
        { from: FROM + 5 * HOUR, to: FROM + 3 * day + 7 * HOUR },
        { from: FROM + day + MIN, to: FROM + 2 * day - MIN },
      ];
      for (const w of windows) {
        for (const groupBy of ['rep', 'team', 'source'] as const) {
          const kept = await figuresIn(store.db, w, groupBy, ['counts', 'speed', 'accept']);
          const fromLeads = await figuresFromLeads(store.db, w, groupBy, ['counts', 'speed', 'accept']);
          expect(comparable(kept)).toEqual(comparable(fromLeads));
        }
      }
    });

    it('rebuilds only the stale days asked for, and leaves them no longer stale', async () => {
      await insert(contacted(FROM, MIN, 'ava'), contacted(FROM + 24 * HOUR, MIN, 'ben'));
      const day = Math.floor(FROM / DAY_MS);
      expect(await rebuildStaleDays(store.db, day, day + 1)).toBe(1);
      expect((await store.db.selectFrom('report_stale_days').select('day').execute()).map((r) => Number(r.day))).toEqual([day + 1]);
      expect((await store.db.selectFrom('report_days').select(['day', 'dim', 'key']).orderBy('dim').execute()).map((r) => [Number(r.day), r.dim, r.key])).toEqual([
        [day, 'rep', 'ava'],
        [day, 'source', 'web'],
        [day, 'team', 't1'],
      ]);
    });

    it('shows a change to a lead of a day already counted in the next report', async () => {
      const [lead] = await insert(contacted(FROM, MIN, 'ava'));
      expect((await speedToLead(store.db, WINDOW, 'rep', 0)).total).toMatchObject({ count: 1, p50: MIN });
      await store.db.updateTable('leads').set({ contacted_at: FROM + 9 * MIN }).where('id', '=', lead!.id).execute();
      expect((await speedToLead(store.db, WINDOW, 'rep', 0)).total).toMatchObject({ count: 1, p50: 9 * MIN });
    });

    it('shows an event added to a lead of a day already counted in the next report', async () => {
      const [lead] = await insert(contacted(FROM, MIN, 'ava'));
      expect(await breachCounts(store.db, WINDOW, 'rep')).toEqual([]);
      await events(lead!.id, { type: 'sla-breached', at: FROM + 20 * MIN, actor: null, data: { repId: 'ava' } });
      expect(await breachCounts(store.db, WINDOW, 'rep')).toEqual([{ key: 'ava', assignments: 0, breaches: 1 }]);
    });
  });

  it('gives the nearest-rank percentiles of capture to first contact per owner and over all', async () => {
    await insert(
      ...Array.from({ length: 10 }, (_, i) => contacted(FROM + i * HOUR, (i + 1) * MIN, 'ava')),
      contacted(FROM + 2 * HOUR, 20 * MIN, 'ben'),
    );
    const { groups, total } = await speedToLead(store.db, WINDOW, 'rep', 5 * MIN);
    expect(groups.sort((a, b) => a.key!.localeCompare(b.key!))).toEqual([
      { key: 'ava', count: 10, p50: 5 * MIN, p90: 9 * MIN, p99: 10 * MIN, within: 5 },
      { key: 'ben', count: 1, p50: 20 * MIN, p90: 20 * MIN, p99: 20 * MIN, within: 0 },
    ]);
    expect(total).toEqual({ key: null, count: 11, p50: 6 * MIN, p90: 10 * MIN, p99: 20 * MIN, within: 5 });
  });

  it('takes the p-th percentile of 100 values as the p-th smallest', async () => {
    await insert(...Array.from({ length: 100 }, (_, i) => contacted(FROM + i * MIN, (100 - i) * 1000, 'ava')));
    const { total } = await speedToLead(store.db, WINDOW, 'rep', 0);
    expect(total).toMatchObject({ count: 100, p50: 50_000, p90: 90_000, p99: 99_000 });
  });

  it('counts leads created from `from` up to, not including, `to`, and never test leads', async () => {
    await insert(
      contacted(FROM, MIN, 'ava'),
      contacted(FROM - 1, 2 * MIN, 'ava'),
      contacted(TO, 3 * MIN, 'ava'),
      contacted(TO - 1, 4 * MIN, 'ava'),
      contacted(FROM + HOUR, 5 * MIN, 'ava', 't1', { is_test: 1 }),
    );
    const { total } = await speedToLead(store.db, WINDOW, 'rep', 0);
    expect(total).toMatchObject({ count: 2, p50: MIN, p99: 4 * MIN });
  });

  it('groups speed to lead by team and by source', async () => {
    await insert(contacted(FROM, MIN, 'ava', 't1', { source: 'web' }), contacted(FROM, 3 * MIN, 'ben', 't2', { source: 'chat' }), contacted(FROM, 5 * MIN, 'cy', 't2', { source: 'chat' }));
    const byTeam = (await speedToLead(store.db, WINDOW, 'team', 0)).groups.map((g) => [g.key, g.count, g.p50]).sort();
    const bySource = (await speedToLead(store.db, WINDOW, 'source', 0)).groups.map((g) => [g.key, g.count, g.p99]).sort();
    expect(byTeam).toEqual([['t1', 1, MIN], ['t2', 2, 3 * MIN]]);
    expect(bySource).toEqual([['chat', 2, 5 * MIN], ['web', 1, MIN]]);
  });

  it('answers no groups and empty totals for a window without leads', async () => {
    expect(await speedToLead(store.db, WINDOW, 'rep', 0)).toEqual({ groups: [], total: { key: null, count: 0, p50: null, p90: null, p99: null, within: 0 } });
  });

  it('measures offer to acceptance of the leads accepted, leaving out those assigned without an offer to answer', async () => {
    await insert(
      leadRow(FROM, { status: 'assigned', owner_id: 'ava', offered_at: FROM + 1000, assigned_at: FROM + 31_000 }),
      leadRow(FROM, { status: 'assigned', owner_id: 'ava', offered_at: FROM + 1000, assigned_at: FROM + 91_000 }),
      leadRow(FROM, { status: 'assigned', owner_id: 'ava', offered_at: FROM, assigned_at: FROM }),
      leadRow(FROM, { status: 'offered', owner_id: 'ava', offered_at: FROM }),
    );
    const { groups } = await timeToAccept(store.db, WINDOW, 'rep', 0);
    expect(groups).toEqual([{ key: 'ava', count: 2, p50: 30_000, p90: 90_000, p99: 90_000, within: 0 }]);
  });

  it('counts offers and their answers per rep offered, from the timeline', async () => {
    const [lead] = await insert(leadRow(FROM, { status: 'assigned', owner_id: 'cy', team_key: 't1' }));
    await events(
      lead!.id,
      { type: 'offered', at: FROM, actor: null, data: { repId: 'ava', team: 't1', attempt: 1 } },
      { type: 'rejected', at: FROM + MIN, actor: 'key', data: { repId: 'ava', reason: null } },
      { type: 'offered', at: FROM + MIN, actor: null, data: { repId: 'ben', team: 't1', attempt: 2 } },
      { type: 'expired', at: FROM + 6 * MIN, actor: null, data: { repId: 'ben' } },
      { type: 'offered', at: FROM + 6 * MIN, actor: null, data: { repId: 'cy', team: 't1', attempt: 3 } },
      { type: 'accepted', at: FROM + 7 * MIN, actor: 'key', data: { repId: 'cy' } },
      { type: 'contacted', at: FROM + 8 * MIN, actor: 'key', data: { activity: 'call' } },
    );
    const counts = (await offerCounts(store.db, WINDOW, 'rep')).sort((a, b) => a.key!.localeCompare(b.key!));
    expect(counts).toEqual([
      { key: 'ava', offered: 1, accepted: 0, rejected: 1, expired: 0 },
      { key: 'ben', offered: 1, accepted: 0, rejected: 0, expired: 1 },
      { key: 'cy', offered: 1, accepted: 1, rejected: 0, expired: 0 },
    ]);
    expect(await offerCounts(store.db, WINDOW, 'team')).toEqual([{ key: 't1', offered: 3, accepted: 1, rejected: 1, expired: 1 }]);
  });

  it('counts the events of the leads created in the window, whenever the events happened', async () => {
    const [inside, before] = await insert(leadRow(TO - 1, { owner_id: 'ava' }), leadRow(FROM - 1, { owner_id: 'ava' }));
    await events(inside!.id, { type: 'offered', at: TO + HOUR, actor: null, data: { repId: 'ava' } });
    await events(before!.id, { type: 'offered', at: FROM + HOUR, actor: null, data: { repId: 'ava' } });
    expect(await offerCounts(store.db, WINDOW, 'rep')).toEqual([{ key: 'ava', offered: 1, accepted: 0, rejected: 0, expired: 0 }]);
  });

  it('counts first-contact breaches against the assignments that started a deadline', async () => {
    const [a, b] = await insert(leadRow(FROM, { source: 'web' }), leadRow(FROM, { source: 'chat' }));
    await events(a!.id, { type: 'accepted', at: FROM, actor: 'k', data: { repId: 'ava' } }, { type: 'sla-breached', at: FROM + 15 * MIN, actor: null, data: { repId: 'ava', onBreach: 'reassign' } });
    await events(a!.id, { type: 'assigned', at: FROM + 16 * MIN, actor: null, data: { repId: 'ben' } });
    await events(b!.id, { type: 'accepted', at: FROM, actor: 'k', data: { repId: 'ava' } });
    expect((await breachCounts(store.db, WINDOW, 'rep')).sort((x, y) => x.key!.localeCompare(y.key!))).toEqual([
      { key: 'ava', assignments: 2, breaches: 1 },
      { key: 'ben', assignments: 1, breaches: 0 },
    ]);
    expect((await breachCounts(store.db, WINDOW, 'source')).sort((x, y) => x.key!.localeCompare(y.key!))).toEqual([
      { key: 'chat', assignments: 1, breaches: 0 },
      { key: 'web', assignments: 2, breaches: 1 },
    ]);
  });

  it('counts leads, wins, losses and the revenue won, with unowned leads under a null key', async () => {
    await insert(
      leadRow(FROM, { status: 'won', owner_id: 'ava', revenue: 1000.5 }),
      leadRow(FROM, { status: 'won', owner_id: 'ava', revenue: 2000.25 }),
      leadRow(FROM, { status: 'won', owner_id: 'ava', revenue: null }),
      leadRow(FROM, { status: 'lost', owner_id: 'ava', lost_reason: 'no budget' }),
      leadRow(FROM, { status: 'contacted', owner_id: 'ava' }),
      leadRow(FROM, { status: 'unqualified' }),
    );
    const counts = await outcomeCounts(store.db, WINDOW, 'rep');
    expect(counts.sort((a, b) => String(a.key).localeCompare(String(b.key)))).toEqual([
      { key: 'ava', leads: 5, won: 3, lost: 1, revenue: 3000.75, deals: 2 },
      { key: null, leads: 1, won: 0, lost: 0, revenue: 0, deals: 0 },
    ]);
  });

  it('sets each rep’s leads of a team against their weight in it, members without leads and leads of former members included', async () => {
    await saveTeam(store.db, { key: 't1', name: 'T1', members: [{ repId: 'ava', weight: 1 }, { repId: 'ben', weight: 3 }] }, FROM);
    await insert(
      leadRow(FROM, { owner_id: 'ben', team_key: 't1' }),
      leadRow(FROM, { owner_id: 'ben', team_key: 't1' }),
      leadRow(FROM, { owner_id: 'cy', team_key: 't1' }),
      leadRow(FROM, { owner_id: 'ava', team_key: 't2' }),
      leadRow(FROM, { team_key: 't1' }),
    );
    expect(await teamShares(store.db, WINDOW, ['t1'])).toEqual([
      { team: 't1', repId: 'ava', weight: 1, teamWeight: 4, received: 0, teamReceived: 3 },
      { team: 't1', repId: 'ben', weight: 3, teamWeight: 4, received: 2, teamReceived: 3 },
      { team: 't1', repId: 'cy', weight: 0, teamWeight: 4, received: 1, teamReceived: 3 },
    ]);
  });

  it('reads every rep’s open leads and cap', async () => {
    await store.db.updateTable('reps').set({ open_leads: 4 }).where('id', '=', 'ben').execute();
    expect(await repLoads(store.db)).toEqual([
      { repId: 'ava', name: 'AVA', active: true, openLeads: 0, maxOpenLeads: 10 },
      { repId: 'ben', name: 'BEN', active: true, openLeads: 4, maxOpenLeads: 10 },
      { repId: 'cy', name: 'CY', active: true, openLeads: 0, maxOpenLeads: null },
    ]);
  });

  it('stores the rep an event names in a column of its own', async () => {
    const [lead] = await insert(leadRow(FROM));
    await events(lead!.id, { type: 'offered', at: FROM, actor: null, data: { repId: 'ava' } }, { type: 'note', at: FROM, actor: 'k', data: { note: 'x' } });
    const rows = await store.db.selectFrom('lead_events').select(['type', 'rep_id']).orderBy('id').execute();
    expect(rows).toEqual([{ type: 'offered', rep_id: 'ava' }, { type: 'note', rep_id: null }]);
  });
});
