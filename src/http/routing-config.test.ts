import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

const insurance = readFileSync('examples/insurance/routing.yaml', 'utf8');
const BROKEN = ['routes:', '  - name: to-nowhere', '    assign: { team: nowhere }', '  - name: odd', '    when: { colour: red }', '    assign: { queue: q }', ''].join('\n');

describe.each(STORES)('the routing configuration over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  it('shows the active configuration with its version and source', async () => {
    const res = await t.call('manager', 'GET', '/v1/routing-config');
    expect(res.json()).toMatchObject({ version: 1, active: true, source: insurance });
  });

  it('validates a configuration and shows every error with its path and line', async () => {
    const res = await t.call('manager', 'POST', '/v1/routing-config/validate', { source: BROKEN });
    expect(res.statusCode).toBe(200);
    const { valid, errors } = res.json();
    expect(valid).toBe(false);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'routes[0].assign.team', message: 'unknown team "nowhere"', line: 3 }),
        expect.objectContaining({ path: 'routes[1].when.colour', line: 5 }),
      ]),
    );
  });

  it('validates a configuration given as a JSON object', async () => {
    const res = await t.call('manager', 'POST', '/v1/routing-config/validate', { source: { fallback: { assign: { team: 'west' } } } });
    expect(res.json()).toEqual({ valid: true, errors: [] });
  });

  it('answers a configuration that is not YAML with the parse error and its line', async () => {
    const res = await t.call('manager', 'POST', '/v1/routing-config/validate', { source: 'routes:\n  - name: [unclosed\n' });
    expect(res.json().valid).toBe(false);
    expect(res.json().errors[0].line).toBeGreaterThan(0);
  });

  it('saves a valid configuration as the next version without making it live', async () => {
    const res = await t.call('manager', 'POST', '/v1/routing-config', { source: 'fallback: { assign: { queue: triage } }' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, active: false, createdBy: expect.any(String) });
    expect((await t.call('manager', 'GET', '/v1/routing-config')).json().version).toBe(1);
  });

  it('makes a new version live at once with activate: true, and captures use it', async () => {
    await t.call('manager', 'POST', '/v1/routing-config', { source: 'fallback: { assign: { queue: triage } }', activate: true });
    expect((await t.call('manager', 'GET', '/v1/routing-config')).json().version).toBe(2);
    expect((await t.call('capture', 'POST', '/v1/leads', westHealth(1))).json().lead).toMatchObject({ status: 'queued', queue: 'triage', configVersion: 2 });
  });

  it('refuses an invalid configuration with 400 and every error', async () => {
    const res = await t.call('manager', 'POST', '/v1/routing-config', { source: BROKEN, activate: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.length).toBeGreaterThanOrEqual(2);
    expect((await t.call('manager', 'GET', '/v1/routing-config/versions')).json().data).toHaveLength(1);
  });

  it('activates an earlier version again', async () => {
    await t.call('manager', 'POST', '/v1/routing-config', { source: 'fallback: { assign: { queue: triage } }', activate: true });
    const res = await t.call('manager', 'POST', '/v1/routing-config/versions/1/activate');
    expect(res.json()).toMatchObject({ version: 1, active: true });
    expect((await t.call('capture', 'POST', '/v1/leads', westHealth(1))).json().lead.configVersion).toBe(1);
  });

  it('answers activating a version never saved with 404', async () => {
    expect((await t.call('manager', 'POST', '/v1/routing-config/versions/9/activate')).statusCode).toBe(404);
  });

  it('lists versions newest first, page by page, marking the active one', async () => {
    for (let i = 0; i < 3; i++) await t.call('manager', 'POST', '/v1/routing-config', { source: `fallback: { assign: { queue: q${i} } }` });
    const first = (await t.call('manager', 'GET', '/v1/routing-config/versions?limit=3')).json();
    const second = (await t.call('manager', 'GET', `/v1/routing-config/versions?limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.data, ...second.data].map((v: { version: number; active: boolean }) => [v.version, v.active])).toEqual([
      [4, false],
      [3, false],
      [2, false],
      [1, true],
    ]);
  });

  it('simulates leads against a draft configuration', async () => {
    const res = await t.call('manager', 'POST', '/v1/simulate', { leads: [westHealth(1)], config: 'fallback: { assign: { team: inbound, strategy: load-balanced } }' });
    expect(res.json()).toMatchObject({ configVersion: null, data: [{ index: 0, decision: { outcome: { type: 'offer', team: 'inbound' } } }] });
  });

  it('simulates at a given instant', async () => {
    const res = await t.call('manager', 'POST', '/v1/simulate', { leads: [westHealth(1)], at: '2026-11-25T08:00:00Z' });
    expect(res.json().data[0].decision.outcome.type).toBe('hold');
  });

  it('answers a simulation with a broken draft with 400 and every error', async () => {
    const res = await t.call('manager', 'POST', '/v1/simulate', { leads: [westHealth(1)], config: BROKEN });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'routes[0].assign.team', line: 3 });
  });

  it('answers a simulation with a bad lead with 400 naming it', async () => {
    const res = await t.call('manager', 'POST', '/v1/simulate', { leads: [westHealth(1), { email: 'nope' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.leads[1].email', message: expect.any(String) }]);
  });
});
