import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../engine/index.js';
import { captureLead } from '../service/capture.js';
import { captureDeps, partnerLead } from '../service/test-support.js';
import { saveAccount } from '../store/repositories/accounts.js';
import type { Tables } from '../store/schema.js';
import { STORES } from '../store/test-support.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

const insurance = readFileSync('examples/insurance/routing.yaml', 'utf8');
const BROKEN = ['routes:', '  - name: to-nowhere', '    assign: { team: nowhere }', '  - name: odd', '    when: { colour: red }', '    assign: { queue: q }', ''].join('\n');

/** The insurance configuration with California health leads sent to the enterprise desk, ahead of west-health. */
const CA_HEALTH_TO_ENTERPRISE = insurance.replace(
  '  - name: west-health\n',
  '  - name: ca-health\n    when: { all: [ { region: CA }, { product: health } ] }\n    assign: { team: enterprise, strategy: round-robin }\n  - name: west-health\n',
);

const ENTERPRISE = ['ava', 'ben', 'chloe'];
const WEST = ['diego', 'emma', 'farah'];

/** An Oregon health lead: west-health under either configuration. */
const oregonHealth: Lead = { ...westHealth(9), email: 'olive@gmail.com', phone: '+15035550199', region: 'OR' };
/** A New York auto lead from the web: the fallback. */
const newYorkAuto: Lead = { firstName: 'Nora', lastName: 'Quinn', email: 'nora@gmail.com', phone: '+12125550123', country: 'US', region: 'NY', product: 'auto', value: 5000, source: 'web' };

const TABLES: (keyof Tables)[] = [
  'reps', 'teams', 'team_members', 'team_branches', 'routing_configs', 'settings', 'leads', 'lead_events', 'decisions', 'strategy_state',
  'accounts', 'idempotency_keys', 'rejected_submissions', 'api_keys', 'forms', 'timers', 'notifications', 'webhooks',
];

interface Placement {
  route: string | null;
  target: { type: string; id: string; name: string };
  outcome: string;
  team: string | null;
}
interface TargetCount {
  target: { type: string; id: string };
  live: number;
  draft: number;
  delta: number;
}

describe.each(STORES)('the impact of a draft routing configuration on $name', (store) => {
  let t: TestApp;
  /** Lead ids in the order they were captured, a second apart. */
  let captured: string[];

  async function capture(lead: Lead): Promise<string> {
    const res = await t.call('capture', 'POST', '/v1/leads', lead);
    expect(res.statusCode).toBe(201);
    t.clock.advance(1000);
    return res.json().lead.id;
  }

  const impact = (body: Record<string, unknown>, role: 'admin' | 'manager' | 'rep' | 'capture' = 'manager') =>
    t.call(role, 'POST', '/v1/routing-config/impact', body);

  beforeEach(async () => {
    t = await openTestApp(store);
    captured = [];
    for (const lead of [oregonHealth, westHealth(1), partnerLead(1), westHealth(2), newYorkAuto, partnerLead(2), westHealth(3)]) captured.push(await capture(lead));
  });
  afterEach(async () => t.close());

  it('finds that a draft identical to the live configuration changes nothing', async () => {
    const res = await impact({ source: insurance });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ liveVersion: 1, leads: 7, changed: 0, changes: [] });
    expect(body.byTarget.every((row: TargetCount) => row.live === row.draft && row.delta === 0)).toBe(true);
    expect(body.byRoute).toEqual([
      { route: 'west-health', live: 4, draft: 4 },
      { route: 'partners', live: 2, draft: 2 },
      { route: 'fallback', live: 1, draft: 1 },
    ]);
  });

  it('reports exactly the California health leads a draft sends to another team, with counts by route and target', async () => {
    const body = (await impact({ source: CA_HEALTH_TO_ENTERPRISE, last: 10 })).json();
    const caHealth = [captured[1], captured[3], captured[6]];
    expect(body).toMatchObject({ leads: 7, changed: 3 });
    expect(body.changes.map((c: { leadId: string }) => c.leadId)).toEqual(caHealth.toReversed());
    for (const change of body.changes as { live: Placement; draft: Placement }[]) {
      expect(change.live).toMatchObject({ route: 'west-health', outcome: 'offer', team: 'west', target: { type: 'rep' } });
      expect(change.draft).toMatchObject({ route: 'ca-health', outcome: 'offer', team: 'enterprise', target: { type: 'rep' } });
      expect(WEST).toContain(change.live.target.id);
      expect(ENTERPRISE).toContain(change.draft.target.id);
    }
    expect(body.byRoute).toEqual([
      { route: 'ca-health', live: 0, draft: 3 },
      { route: 'west-health', live: 4, draft: 1 },
      { route: 'partners', live: 2, draft: 2 },
      { route: 'fallback', live: 1, draft: 1 },
    ]);
    const rows = body.byTarget as TargetCount[];
    const sum = (ids: string[], side: 'live' | 'draft' | 'delta') => rows.filter((r) => r.target.type === 'rep' && ids.includes(r.target.id)).reduce((n, r) => n + r[side], 0);
    expect([sum(ENTERPRISE, 'live'), sum(ENTERPRISE, 'draft'), sum(WEST, 'delta')]).toEqual([0, 3, -3]);
    expect(rows.find((r) => r.target.type === 'queue')).toMatchObject({ target: { id: 'partners' }, live: 2, draft: 2, delta: 0 });
  });

  it('decides only the leads captured last, newest first', async () => {
    const body = (await impact({ source: CA_HEALTH_TO_ENTERPRISE, last: 2 })).json();
    expect(body).toMatchObject({ leads: 2, changed: 1, changes: [{ leadId: captured[6], name: 'Pat3 Jones' }] });
  });

  it('matches each lead to the account it belongs to today, as a capture would', async () => {
    const id = await capture({ ...newYorkAuto, email: 'ann@acme-insured.com', phone: '+12125550777', firstName: 'Ann' });
    await saveAccount(t.db, { id: 'acme', name: 'Acme', domain: 'acme-insured.com', companyKey: null, ownerId: 'ava' }, t.clock.now());
    const withoutAccounts = insurance.replace('    when: { account: matched }\n', '    when: { all: [ { account: matched }, { region: WA } ] }\n');
    const body = (await impact({ source: withoutAccounts })).json();
    expect(body).toMatchObject({ changed: 1, changes: [{ leadId: id, live: { route: 'existing-account', target: { type: 'rep', id: 'ava', name: 'Ava Thompson' } }, draft: { route: 'fallback' } }] });
  });

  it('leaves test leads out', async () => {
    await captureLead(captureDeps(t.db, t.clock), { lead: westHealth(4), isTest: true });
    const body = (await impact({ source: CA_HEALTH_TO_ENTERPRISE })).json();
    expect(body).toMatchObject({ leads: 7, changed: 3 });
  });

  it('refuses an invalid draft with 400 and every error with its path and line, as saving it would', async () => {
    const res = await impact({ source: BROKEN });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'routes[0].assign.team', message: 'unknown team "nowhere"', line: 3 })]));
    expect(res.json().error.details).toEqual((await t.call('manager', 'POST', '/v1/routing-config', { source: BROKEN })).json().error.details);
  });

  it.each(['rep', 'capture'] as const)('refuses a %s key with 403', async (role) => {
    expect((await impact({ source: insurance }, role)).statusCode).toBe(403);
  });

  it('lets an admin key see the impact', async () => {
    expect((await impact({ source: insurance }, 'admin')).statusCode).toBe(200);
  });

  it('refuses more than 5000 leads with 400 naming last', async () => {
    const res = await impact({ source: insurance, last: 5001 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.last' })]);
  });

  it('writes nothing', async () => {
    const snapshot = async () => ({
      counts: await Promise.all(TABLES.map(async (table) => (await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)),
      leads: await t.db.selectFrom('leads').selectAll().orderBy('id').execute(),
      reps: await t.db.selectFrom('reps').selectAll().orderBy('id').execute(),
      state: await t.db.selectFrom('strategy_state').selectAll().orderBy('scope').execute(),
    });
    const before = await snapshot();
    expect((await impact({ source: CA_HEALTH_TO_ENTERPRISE })).statusCode).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json();
    expect(doc.paths['/v1/routing-config/impact'].post.responses['200']).toBeDefined();
  });
});
