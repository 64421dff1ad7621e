import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNED_STATUSES } from '../src/lifecycle/statuses.js';
import { STORES, type OpenStore } from '../src/store/test-support.js';
import { insuranceLead } from './insurance-leads.js';
import { startServe, type ServeProcess } from './serve-process.js';

const ADMIN_KEY = 'lr_test_crash_admin_key_0123456789abcdef';
/** Captures sent at once to the server that is killed. */
const LEADS = 300;
/** It is killed as soon as this many captures have been answered: the others are then in flight or not yet read. */
const KILL_AFTER = 100;

/** Events a lead's capture may add before it is scored. */
const ASIDE = new Set(['account-matched', 'duplicate-received']);

/** Distinct leads (email and phone) for the insurance demo: west health, the inbound team and the partner queue. */
const crashLead = (n: number) => insuranceLead(n, { firstName: `Crash${n}`, email: `crash${n}@example.org`, phone: `+1415555${1000 + n}` });

interface Acknowledged {
  email: string;
  leadId: string;
  outcome: unknown;
}

/**
 * Everything wrong with the store as a whole: a lead without a decision, or whose timeline does
 * not begin with its capture (captured, scored, routed), or whose last routing names a decision
 * it does not have; a rep whose open-lead count is not the number of open leads they own. (The
 * demo's leads have lived a week: accepted, rejected, expired, closed — and must be whole too.)
 */
async function problemsIn(store: OpenStore): Promise<string[]> {
  const db = store.db;
  const [leads, decisions, events, reps] = await Promise.all([
    db.selectFrom('leads').select(['id', 'status', 'owner_id']).execute(),
    db.selectFrom('decisions').select(['id', 'lead_id']).execute(),
    db.selectFrom('lead_events').select(['lead_id', 'type', 'data']).orderBy('id').execute(),
    db.selectFrom('reps').select(['id', 'open_leads']).execute(),
  ]);
  const problems: string[] = [];
  for (const lead of leads) {
    const own = new Set(decisions.filter((d) => d.lead_id === lead.id).map((d) => d.id));
    const timeline = events.filter((e) => e.lead_id === lead.id && !ASIDE.has(e.type));
    if (own.size === 0) problems.push(`lead ${lead.id} has no decision`);
    const types = timeline.map((e) => e.type);
    if (types.slice(0, 3).join() !== 'captured,scored,routed') problems.push(`lead ${lead.id} (${lead.status}) has the timeline ${types.join(', ') || 'none'}`);
    const routed = timeline.filter((e) => e.type === 'routed').at(-1);
    if (routed && !own.has(JSON.parse(routed.data ?? '{}').decisionId)) problems.push(`lead ${lead.id} was routed by a decision it does not have`);
  }
  for (const rep of reps) {
    const owned = leads.filter((l) => l.owner_id === rep.id && (OWNED_STATUSES as readonly string[]).includes(l.status)).length;
    if (rep.open_leads !== owned) problems.push(`rep ${rep.id} counts ${rep.open_leads} open leads but owns ${owned}`);
  }
  return problems;
}

/**
 * The real server, in a process of its own, is killed while hundreds of captures are in flight,
 * then started again on the same database. A capture is answered only once it is committed, and
 * it is committed whole — the lead, its decision, its timeline and the rep's load in one
 * transaction — so nothing answered may be missing and nothing in the store may be half written.
 */
describe.each(STORES)('a server killed while capturing on $name', (target) => {
  let store: OpenStore;
  const servers: ServeProcess[] = [];
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.crash();
    await store.close();
  });

  /** `leadrouter serve` on the test's store, seeding the demo organisation into it the first time. */
  async function serve(): Promise<ServeProcess> {
    const server = await startServe({ LEADROUTER_DATABASE_URL: store.url, LEADROUTER_ADMIN_KEY: ADMIN_KEY, LEADROUTER_DEMO: '1' });
    servers.push(server);
    return server;
  }

  const call = (server: ServeProcess, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  it("loses no capture it acknowledged, and leaves every lead whole with the reps' counts right", async () => {
    const first = await serve();
    // Everyone works around the clock with room to spare: leads are offered whatever the hour the test runs at.
    const reps = ((await (await call(first, 'GET', '/v1/reps?limit=200')).json()) as { data: { id: string }[] }).data;
    for (const rep of reps) expect((await call(first, 'PATCH', `/v1/reps/${rep.id}`, { workingHours: null, maxOpenLeads: null })).status).toBe(200);

    const acknowledged: Acknowledged[] = [];
    const answers = await Promise.all(
      Array.from({ length: LEADS }, async (_, n) => {
        try {
          const res = await call(first, 'POST', '/v1/leads', crashLead(n));
          if (!res.ok) return res.status;
          const body = (await res.json()) as { lead: { id: string }; decision: { outcome: unknown } };
          acknowledged.push({ email: crashLead(n).email, leadId: body.lead.id, outcome: body.decision.outcome });
          if (acknowledged.length === KILL_AFTER) void first.crash();
          return res.status;
        } catch {
          return 'no answer';
        }
      }),
    );
    await first.crash();
    // Every capture was either answered 201 or cut off by the kill, and the kill did cut some off.
    expect(answers.filter((a) => a !== 201 && a !== 'no answer')).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(answers.filter((a) => a === 'no answer').length).toBeGreaterThan(0);

    const second = await serve();
    const read = async (path: string) => {
      const res = await call(second, 'GET', path);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const found = await Promise.all(
      acknowledged.map(async (ack) => ({
        ack,
        lead: await read(`/v1/leads/${ack.leadId}`),
        decision: await read(`/v1/leads/${ack.leadId}/decision`),
        timeline: await read(`/v1/leads/${ack.leadId}/timeline`),
      })),
    );
    for (const { ack, lead, decision, timeline } of found) {
      expect(lead).toMatchObject({ status: 200, body: { email: ack.email } });
      expect(decision).toMatchObject({ status: 200, body: { outcome: ack.outcome } });
      expect((timeline.body.data as { type: string }[]).map((e) => e.type).slice(0, 3)).toEqual(['captured', 'scored', 'routed']);
    }
    // The store is judged at rest: the second server would go on expiring the demo's offers while it is read.
    await second.crash();
    expect(await problemsIn(store)).toEqual([]);
    // Some of them went to reps, so the open-lead counts were put to the test.
    const offered = await store.db.selectFrom('leads').select('id').where('owner_id', 'is not', null).where('email', 'like', 'crash%').execute();
    expect(offered.length).toBeGreaterThan(0);
  }, 45_000);
});
