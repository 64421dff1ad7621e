import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_NAMES } from '../service/reports.js';
import { STORES } from '../store/test-support.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

const MIN = 60_000;
const DAYS_30 = 30 * 24 * 60 * MIN;
const WEST = { diego: 'Diego Alvarez', emma: 'Emma Lee', farah: 'Farah Haddad' } as Record<string, string>;

describe.each(STORES)('reports over HTTP on $name', (store) => {
  let t: TestApp;
  let n = 0;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  const iso = (ms: number) => new Date(ms).toISOString();
  /** A west-health lead, offered now to a rep of the west team (round-robin, weights 1, 2, 1). */
  async function captured(): Promise<{ id: string; ownerId: string }> {
    const res = await t.call('admin', 'POST', '/v1/leads', westHealth(++n));
    expect(res.json().lead.status).toBe('offered');
    return res.json().lead;
  }
  const act = async (id: string, action: string, body?: unknown) => {
    const res = await t.call('admin', 'POST', `/v1/leads/${id}/${action}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().lead;
  };
  /** A report asked for a minute after the last capture (`to`, now by default, is not included). */
  const report = async (path: string) => {
    t.clock.advance(MIN);
    const res = await t.call('manager', 'GET', `/v1/reports/${path}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('answers speed to lead per rep over the last 30 days by default', async () => {
    const lead = await captured();
    t.clock.advance(MIN);
    await act(lead.id, 'accept');
    t.clock.advance(2 * MIN);
    await act(lead.id, 'activities', { type: 'call' });
    const figures = { count: 1, p50Ms: 3 * MIN, p90Ms: 3 * MIN, p99Ms: 3 * MIN, within5MinRate: 1 };
    const body = await report('speed-to-lead');
    expect(body).toEqual({
      report: 'speed-to-lead',
      from: iso(t.clock.now() - DAYS_30),
      to: iso(t.clock.now()),
      groupBy: 'rep',
      rows: [{ key: lead.ownerId, name: WEST[lead.ownerId], ...figures }],
      totals: figures,
    });
  });

  it('groups by source when asked, with no name for a source', async () => {
    const lead = await captured();
    await act(lead.id, 'accept');
    t.clock.advance(10 * MIN);
    await act(lead.id, 'activities', { type: 'contacted' });
    expect((await report('speed-to-lead?groupBy=source')).rows).toEqual([{ key: 'web', name: null, count: 1, p50Ms: 10 * MIN, p90Ms: 10 * MIN, p99Ms: 10 * MIN, within5MinRate: 0 }]);
  });

  it('leaves out the leads created outside the window asked for', async () => {
    const lead = await captured();
    await act(lead.id, 'accept');
    await act(lead.id, 'activities', { type: 'call' });
    const createdAt = t.clock.now();
    const body = await report(`speed-to-lead?from=${iso(createdAt - DAYS_30)}&to=${iso(createdAt)}`);
    expect(body).toMatchObject({ to: iso(createdAt), rows: [], totals: { count: 0, p50Ms: null, within5MinRate: null } });
  });

  it('measures offer to acceptance per rep', async () => {
    const lead = await captured();
    t.clock.advance(90_000);
    await act(lead.id, 'accept');
    expect((await report('time-to-accept')).rows).toEqual([{ key: lead.ownerId, name: WEST[lead.ownerId], count: 1, p50Ms: 90_000, p90Ms: 90_000, p99Ms: 90_000 }]);
  });

  it('counts each rep’s offers and how they were answered: rejected, expired, accepted', async () => {
    const lead = await captured();
    await act(lead.id, 'reject', { reason: 'busy' });
    t.clock.advance(5 * MIN);
    await t.timers.runDue();
    const final = await act(lead.id, 'accept');
    const [rejecter, expirer] = final.triedReps as string[];
    const row = (key: string, counts: { accepted: number; rejected: number; expired: number }) => ({
      key,
      name: WEST[key],
      offered: 1,
      ...counts,
      acceptRate: counts.accepted,
      rejectRate: counts.rejected,
      expiryRate: counts.expired,
    });
    const body = await report('offers');
    expect(body.rows).toEqual(
      [
        row(rejecter!, { accepted: 0, rejected: 1, expired: 0 }),
        row(expirer!, { accepted: 0, rejected: 0, expired: 1 }),
        row(final.ownerId, { accepted: 1, rejected: 0, expired: 0 }),
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(body.totals).toEqual({ offered: 3, accepted: 1, rejected: 1, expired: 1, acceptRate: 0.3333, rejectRate: 0.3333, expiryRate: 0.3333 });
  });

  it('counts a missed first-contact deadline against the rep who missed it', async () => {
    const lead = await captured();
    await act(lead.id, 'accept');
    t.clock.advance(15 * MIN);
    await t.timers.runDue();
    const body = await report('sla-breaches');
    expect(body.rows).toEqual([{ key: lead.ownerId, name: WEST[lead.ownerId], assignments: 1, breaches: 1, breachRate: 1 }]);
    expect(body.totals).toEqual({ assignments: 1, breaches: 1, breachRate: 1 });
  });

  it('gives conversion and revenue per team', async () => {
    const won = await captured();
    const lost = await captured();
    for (const lead of [won, lost]) {
      await act(lead.id, 'accept');
      await act(lead.id, 'activities', { type: 'call' });
    }
    await act(won.id, 'outcome', { outcome: 'won', revenue: 1200 });
    await act(lost.id, 'outcome', { outcome: 'lost', reason: 'no budget' });
    const figures = { leads: 2, won: 1, lost: 1, open: 0, conversionRate: 0.5, winRate: 0.5, revenue: 1200, averageDeal: 1200 };
    const body = await report('conversion?groupBy=team');
    expect(body.rows).toEqual([{ key: 'west', name: 'West health', ...figures }]);
    expect(body.totals).toEqual(figures);
  });

  it('sets what each rep of a round-robin team received against the share their weight intends', async () => {
    for (let i = 0; i < 4; i++) await captured();
    const { rows, totals } = await report('fairness');
    expect(rows.map((r: { repId: string; weight: number; intendedShare: number }) => [r.repId, r.weight, r.intendedShare])).toEqual([
      ['diego', 1, 0.25],
      ['emma', 2, 0.5],
      ['farah', 1, 0.25],
    ]);
    for (const row of rows) expect(row).toMatchObject({ team: 'west', teamName: 'West health', share: row.received / 4, difference: row.received / 4 - row.intendedShare });
    expect(totals).toMatchObject({ teams: 1, received: 4 });
  });

  it('shows each rep’s open leads now against their cap', async () => {
    const body = await report('load');
    expect(body).toMatchObject({ report: 'load', from: null, to: null, groupBy: 'rep' });
    expect(body.rows.find((r: { key: string }) => r.key === 'jack')).toEqual({
      key: 'jack',
      name: 'Jack Nguyen',
      active: true,
      openLeads: 27,
      maxOpenLeads: 30,
      utilization: 0.9,
      headroom: 3,
      atCapacity: false,
    });
    expect(body.rows.find((r: { key: string }) => r.key === 'kate')).toMatchObject({ maxOpenLeads: null, utilization: null, headroom: null });
  });

  it('answers CSV for format=csv: a header line, then a line per row', async () => {
    const lead = await captured();
    t.clock.advance(MIN);
    await act(lead.id, 'accept');
    t.clock.advance(MIN);
    const res = await t.call('manager', 'GET', '/v1/reports/time-to-accept?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="time-to-accept-by-rep-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"$/);
    expect(res.body).toBe(`key,name,count,p50Ms,p90Ms,p99Ms\r\n${lead.ownerId},${WEST[lead.ownerId]},1,60000,60000,60000\r\n`);
  });

  it('answers CSV to Accept: text/csv', async () => {
    const res = await t.call('manager', 'GET', '/v1/reports/offers', undefined, { accept: 'text/csv' });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body).toBe('key,name,offered,accepted,rejected,expired,acceptRate,rejectRate,expiryRate\r\n');
  });

  it.each(['rep', 'capture'] as const)('refuses a %s key with 403', async (role) => {
    expect((await t.call(role, 'GET', '/v1/reports/speed-to-lead')).statusCode).toBe(403);
  });

  it('answers 400 naming query.from for a from that is not an instant', async () => {
    const res = await t.call('manager', 'GET', '/v1/reports/conversion?from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_request', details: [{ path: 'query.from', message: expect.any(String) }] });
  });

  it('answers 400 naming query.from for a from after to', async () => {
    const res = await t.call('manager', 'GET', '/v1/reports/conversion?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'query.from', message: 'must be before to (2026-11-01T00:00:00.000Z)' }]);
  });

  it('answers 400 naming query.groupBy for a grouping the report does not offer', async () => {
    const res = await t.call('manager', 'GET', '/v1/reports/fairness?groupBy=source');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('query.groupBy');
  });

  it('answers 404 listing the reports for a name it does not know', async () => {
    const res = await t.call('manager', 'GET', '/v1/reports/velocity');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({
      code: 'not_found',
      message: `no report "velocity"; the reports are ${REPORT_NAMES.join(', ')}`,
      details: { reports: [...REPORT_NAMES] },
    });
  });

  it('documents every report with its own schema in the OpenAPI document', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json();
    for (const name of REPORT_NAMES) expect(doc.paths[`/v1/reports/${name}`]?.get?.responses?.['200'], name).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['SpeedToLeadReport', 'OffersReport', 'FairnessReport', 'LoadReport']));
  });
});
