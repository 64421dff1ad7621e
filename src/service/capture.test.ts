import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { saveAccount } from '../store/repositories/accounts.js';
import { latestDecision } from '../store/repositories/decisions.js';
import { timeline } from '../store/repositories/lead-events.js';
import { getLead } from '../store/repositories/leads.js';
import { getRep } from '../store/repositories/people.js';
import { activateConfigVersion, insertConfigVersion } from '../store/repositories/routing-configs.js';
import { STORES } from '../store/test-support.js';
import { captureBatch, captureLead, type CaptureDeps } from './capture.js';
import { ServiceError } from './errors.js';
import { captureDeps, seedExample, TestClock, WEEKDAY, westHealth } from './test-support.js';


describe.each(STORES)('capturing a lead on $name', (store) => {
  let db: Database;
  let close: () => Promise<void>;
  let deps: CaptureDeps;

  beforeEach(async () => {
    ({ db, close } = await store.open());
    await seedExample(db, 'insurance');
    deps = captureDeps(db, new TestClock(WEEKDAY));
  });
  afterEach(async () => close());

  it('routes it and stores the lead where the decision put it', async () => {
    const result = await captureLead(deps, { lead: westHealth(1) });
    expect(result.kind).toBe('created');
    expect(result.lead).toMatchObject({ status: 'offered', ownerId: 'emma', team: 'west', route: 'west-health', score: 10, grade: 'C', configVersion: 1 });
  });

  it('stores the decision with its explanation', async () => {
    const { lead } = await captureLead(deps, { lead: westHealth(1) });
    const decision = await latestDecision(db, lead.id);
    expect(decision?.outcome).toEqual({ type: 'offer', repId: 'emma', team: 'west', autoAccept: false });
    expect(decision?.explanation.routes.map((r) => r.name)).toEqual(['existing-account', 'enterprise', 'west-health']);
  });

  it('records the timeline from capture to offer', async () => {
    const { lead } = await captureLead(deps, { lead: westHealth(1), actor: 'key-1' });
    expect((await timeline(db, lead.id)).map((e) => e.type)).toEqual(['captured', 'scored', 'routed', 'offered']);
  });

  it('counts the offer on the rep: open leads, today in their zone, last assignment', async () => {
    await captureLead(deps, { lead: westHealth(1) });
    expect(await getRep(db, 'emma')).toMatchObject({ openLeads: 1, daily: { date: '2026-11-24', count: 1 }, lastAssignedAt: new Date(WEEKDAY).toISOString() });
  });

  it('rotates round robin across captures, by weight', async () => {
    const owners: (string | null)[] = [];
    for (let n = 0; n < 8; n++) owners.push((await captureLead(deps, { lead: westHealth(n) })).lead.ownerId);
    expect(owners).toEqual(['emma', 'diego', 'farah', 'emma', 'emma', 'diego', 'farah', 'emma']);
  });

  it('answers a retry with the same Idempotency-Key with the lead it created', async () => {
    const idempotency = { key: 'retry-1', requestHash: 'h1' };
    const first = await captureLead(deps, { lead: westHealth(1), idempotency });
    const again = await captureLead(deps, { lead: westHealth(1), idempotency });
    expect(again).toEqual({ kind: 'replayed', lead: first.lead });
  });

  it('refuses an Idempotency-Key reused with a different body', async () => {
    await captureLead(deps, { lead: westHealth(1), idempotency: { key: 'retry-1', requestHash: 'h1' } });
    await expect(captureLead(deps, { lead: westHealth(2), idempotency: { key: 'retry-1', requestHash: 'h2' } })).rejects.toThrow(ServiceError);
  });

  it('answers a lead whose externalId was seen before with the lead it created', async () => {
    const first = await captureLead(deps, { lead: { ...westHealth(1), externalId: 'crm-77' } });
    const again = await captureLead(deps, { lead: { ...westHealth(2), externalId: 'crm-77' } });
    expect(again).toEqual({ kind: 'replayed', lead: first.lead });
  });

  it('takes the same externalId from another source for another lead', async () => {
    const fromCrm = await captureLead(deps, { lead: { ...westHealth(1), source: 'crm', externalId: '77' } });
    const fromAds = await captureLead(deps, { lead: { ...westHealth(2), source: 'google-ads', externalId: '77' } });
    expect(fromAds.kind).toBe('created');
    expect(fromAds.lead.id).not.toBe(fromCrm.lead.id);
    expect(fromAds.lead.externalId).toBe('77');
  });

  it('links a lead with the email of an open lead to it instead of routing it twice', async () => {
    const first = await captureLead(deps, { lead: westHealth(1) });
    const again = await captureLead(deps, { lead: { ...westHealth(1), phone: null, source: 'chat' } });
    expect(again.kind).toBe('duplicate');
    expect(again.lead.id).toBe(first.lead.id);
    expect((await timeline(db, first.lead.id)).at(-1)).toMatchObject({ type: 'duplicate-received', data: { source: 'chat' } });
    expect(await getRep(db, 'emma')).toMatchObject({ openLeads: 1 });
  });

  it('links a lead whose Gmail address differs only by dots and a +tag to the open lead', async () => {
    const first = await captureLead(deps, { lead: { ...westHealth(1), email: 'pat.jones@gmail.com', phone: null, source: 'referral' } });
    const again = await captureLead(deps, { lead: { ...westHealth(2), email: 'patjones+quote@gmail.com', phone: null, source: 'referral' } });
    expect(again).toMatchObject({ kind: 'duplicate', lead: { id: first.lead.id } });
  });

  it('links a lead with the phone number of an open lead to it', async () => {
    const first = await captureLead(deps, { lead: westHealth(1) });
    expect((await captureLead(deps, { lead: { ...westHealth(1), email: 'other@example.com' } })).lead.id).toBe(first.lead.id);
  });

  it('routes a lead from a known account to its owner', async () => {
    await saveAccount(db, { id: 'acct-1', name: 'Northwind', domain: 'northwind.com', companyKey: 'northwind', ownerId: 'ben' }, WEEKDAY);
    const result = await captureLead(deps, { lead: { ...westHealth(1), email: 'jo@northwind.com' } });
    expect(result.lead).toMatchObject({ ownerId: 'ben', route: 'existing-account', accountId: 'acct-1' });
  });

  it('matches an account by company name when the email is free-mail', async () => {
    await saveAccount(db, { id: 'acct-1', name: 'Northwind', domain: 'northwind.com', companyKey: 'northwind', ownerId: 'ben' }, WEEKDAY);
    const result = await captureLead(deps, { lead: { ...westHealth(1), email: 'jo@gmail.com', company: 'Northwind, Inc.' } });
    expect(result.lead.ownerId).toBe('ben');
  });

  it('keeps an unqualified lead without routing it', async () => {
    const result = await captureLead(deps, { lead: { firstName: 'Low', country: 'US', value: 10, source: 'web' } });
    expect(result.lead).toMatchObject({ status: 'unqualified', ownerId: null });
  });

  it('holds a lead captured at night until someone is working', async () => {
    const night = captureDeps(db, new TestClock(Date.parse('2026-11-25T08:00:00Z')));
    const result = await captureLead(night, { lead: westHealth(1) });
    expect(result.lead).toMatchObject({ status: 'held', ownerId: null });
  });

  it('queues a partner lead', async () => {
    const result = await captureLead(deps, { lead: { ...westHealth(1), region: 'NY', source: 'partner' } });
    expect(result.lead).toMatchObject({ status: 'queued', queue: 'partners' });
  });

  it('holds every lead while no routing configuration is active', async () => {
    const { db: empty, close: closeEmpty } = await store.open();
    try {
      const result = await captureLead(captureDeps(empty, new TestClock(WEEKDAY)), { lead: westHealth(1) });
      expect(result.lead.status).toBe('held');
    } finally {
      await closeEmpty();
    }
  });

  it('records the configuration version that made each decision', async () => {
    const version = await insertConfigVersion(db, 'fallback: { assign: { queue: triage } }', null, WEEKDAY);
    await activateConfigVersion(db, version);
    const result = await captureLead(deps, { lead: westHealth(1) });
    expect(result.lead).toMatchObject({ status: 'queued', queue: 'triage', configVersion: 2 });
  });

  it('answers with the lead exactly as the store reads it back', async () => {
    await saveAccount(db, { id: 'acct-1', name: 'Northwind', domain: 'northwind.com', companyKey: 'northwind', ownerId: 'ben' }, WEEKDAY);
    const [routed, held] = await captureBatch(deps, [{ lead: { ...westHealth(1), email: 'jo@northwind.com', externalId: 'crm-1' }, isTest: true }, { lead: { firstName: 'Low', country: 'US', value: 10 } }]);
    expect(await getLead(db, routed!.lead.id)).toEqual(routed!.lead);
    expect(await getLead(db, held!.lead.id)).toEqual(held!.lead);
  });

  it('two processes sharing the store keep one rotation between them', async () => {
    const other = captureDeps(db, new TestClock(WEEKDAY));
    const owners: (string | null)[] = [];
    for (let n = 0; n < 8; n++) owners.push((await captureLead(n % 2 ? other : deps, { lead: westHealth(n) })).lead.ownerId);
    expect(owners).toEqual(['emma', 'diego', 'farah', 'emma', 'emma', 'diego', 'farah', 'emma']);
  });
});

describe.each(STORES)('capturing leads together in one batch on $name', (store) => {
  let close: () => Promise<void>;
  let clock: TestClock;
  let deps: CaptureDeps;

  beforeEach(async () => {
    let db: Database;
    ({ db, close } = await store.open());
    await seedExample(db, 'insurance');
    clock = new TestClock(WEEKDAY);
    deps = captureDeps(db, clock);
  });
  afterEach(async () => close());

  it('links a lead to an open lead captured before it in the same batch', async () => {
    const [first, again] = await captureBatch(deps, [{ lead: westHealth(1) }, { lead: { ...westHealth(2), email: 'pat1@gmail.com' } }]);
    expect(again).toEqual({ kind: 'duplicate', lead: first!.lead });
  });

  it('links a lead matching one open lead by email and another by phone to the older', async () => {
    const older = await captureLead(deps, { lead: westHealth(1) });
    clock.advance(60_000);
    const [newer, both] = await captureBatch(deps, [{ lead: westHealth(2) }, { lead: { ...westHealth(3), email: 'pat1@gmail.com', phone: westHealth(2).phone } }]);
    expect(newer!.kind).toBe('created');
    expect(both).toMatchObject({ kind: 'duplicate', lead: { id: older.lead.id } });
  });

  it('answers an Idempotency-Key repeated in the same batch with the lead the first created', async () => {
    const idempotency = { key: 'retry-1', requestHash: 'h1' };
    const [first, again] = await captureBatch(deps, [{ lead: westHealth(1), idempotency }, { lead: westHealth(1), idempotency }]);
    expect(again).toEqual({ kind: 'replayed', lead: first!.lead });
  });

  it('answers an externalId repeated in the same batch with the lead the first created', async () => {
    const [first, again] = await captureBatch(deps, [{ lead: { ...westHealth(1), externalId: 'crm-77' } }, { lead: { ...westHealth(2), externalId: 'crm-77' } }]);
    expect(again).toEqual({ kind: 'replayed', lead: first!.lead });
  });

  it('refuses the whole batch when an Idempotency-Key comes twice in it with different bodies', async () => {
    await expect(
      captureBatch(deps, [
        { lead: westHealth(1), idempotency: { key: 'retry-1', requestHash: 'h1' } },
        { lead: westHealth(2), idempotency: { key: 'retry-1', requestHash: 'h2' } },
      ]),
    ).rejects.toThrow(ServiceError);
  });
});
