import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

const paths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

describe.each(STORES)('reps over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  it('creates a rep with 201 and counters at zero', async () => {
    const res = await t.call('manager', 'POST', '/v1/reps', { id: 'zoe', name: 'Zoe Park', timezone: 'America/Denver', languages: ['en', 'ko'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'zoe', active: true, presence: 'online', languages: ['en', 'ko'], openLeads: 0 });
    expect((await t.call('manager', 'GET', '/v1/reps/zoe')).json().name).toBe('Zoe Park');
  });

  it('answers a second create of a rep id with 409 and leaves the first rep as it was', async () => {
    expect((await t.call('manager', 'POST', '/v1/reps', { id: 'zoe', name: 'Zoe Park', timezone: 'America/Denver' })).statusCode).toBe(201);
    const res = await t.call('admin', 'POST', '/v1/reps', { id: 'zoe', name: 'Another Zoe', timezone: 'Europe/Berlin' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'conflict', message: 'a rep "zoe" exists already', details: [{ path: 'id', message: 'taken' }] } });
    expect((await t.call('manager', 'GET', '/v1/reps/zoe')).json()).toMatchObject({ name: 'Zoe Park', timezone: 'America/Denver' });
  });

  it('answers an unknown time zone with 400 naming the field', async () => {
    const res = await t.call('manager', 'POST', '/v1/reps', { id: 'zoe', name: 'Zoe', timezone: 'Mars/Olympus' });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.timezone']);
  });

  it('refuses live counters in a new rep', async () => {
    const res = await t.call('manager', 'POST', '/v1/reps', { id: 'zoe', name: 'Zoe', openLeads: 3 });
    expect(paths(res.json())).toEqual(['body.openLeads']);
  });

  it('pages through reps by id', async () => {
    const first = (await t.call('manager', 'GET', '/v1/reps?limit=5')).json();
    const second = (await t.call('manager', 'GET', `/v1/reps?limit=10&cursor=${first.nextCursor}`)).json();
    expect([...first.data, ...second.data].map((r: { id: string }) => r.id)).toEqual(['ava', 'ben', 'chloe', 'diego', 'emma', 'farah', 'gabriel', 'hannah', 'isabel', 'jack', 'kate', 'liam']);
    expect(second.nextCursor).toBeNull();
  });

  it('changes the fields a patch gives and keeps the rest', async () => {
    const res = await t.call('manager', 'PATCH', '/v1/reps/emma', { skills: ['health', 'life'], maxOpenLeads: 30 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ skills: ['health', 'life'], maxOpenLeads: 30, languages: ['en'], timezone: 'America/Los_Angeles', seniority: 3 });
  });

  it('keeps live counters when the profile changes', async () => {
    await t.call('admin', 'POST', '/v1/leads', westHealth(1));
    const res = await t.call('manager', 'PATCH', '/v1/reps/emma', { name: 'Emma Lee-Park' });
    expect(res.json()).toMatchObject({ name: 'Emma Lee-Park', openLeads: 1 });
  });

  it('answers a patch of an unknown rep with 404', async () => {
    expect((await t.call('manager', 'PATCH', '/v1/reps/nobody', { name: 'X' })).statusCode).toBe(404);
  });

  it('sets a rep out of office, and routing passes them over', async () => {
    const res = await t.call('manager', 'PUT', '/v1/reps/emma/availability', {
      presence: 'away',
      outOfOffice: { from: '2026-11-24T00:00:00Z', until: '2026-11-30T00:00:00Z' },
    });
    expect(res.json()).toMatchObject({ presence: 'away', outOfOffice: { from: '2026-11-24T00:00:00.000Z', until: '2026-11-30T00:00:00.000Z' } });
    expect((await t.call('admin', 'POST', '/v1/leads', westHealth(1))).json().lead.ownerId).not.toBe('emma');
  });

  it('answers an out-of-office range that ends before it starts with 400', async () => {
    const res = await t.call('manager', 'PUT', '/v1/reps/emma/availability', { presence: 'away', outOfOffice: { from: '2026-11-30T00:00:00Z', until: '2026-11-24T00:00:00Z' } });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.outOfOffice.until']);
  });

  it('lets a rep set their own availability', async () => {
    const res = await t.call('rep', 'PUT', '/v1/reps/emma/availability', { presence: 'offline' });
    expect(res.json()).toMatchObject({ id: 'emma', presence: 'offline', outOfOffice: null });
  });

  it('shows a rep their own profile at /v1/me', async () => {
    const res = await t.call('rep', 'GET', '/v1/me');
    expect(res.json()).toMatchObject({ id: 'emma', name: 'Emma Lee' });
  });

  it('lets a rep change their own skills, languages and working hours', async () => {
    const res = await t.call('rep', 'PATCH', '/v1/me', { languages: ['en', 'es'], skills: ['health', 'auto'], workingHours: { mon: ['08:00-16:00'] } });
    expect(res.json()).toMatchObject({ id: 'emma', languages: ['en', 'es'], skills: ['health', 'auto'], workingHours: { mon: ['08:00-16:00'] } });
  });

  it('refuses a rep raising their own caps', async () => {
    const res = await t.call('rep', 'PATCH', '/v1/me', { maxOpenLeads: 500 });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.maxOpenLeads']);
  });

  it('refuses working hours that are no time spans', async () => {
    const res = await t.call('rep', 'PATCH', '/v1/me', { workingHours: { mon: ['nine to five'] } });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.workingHours.mon[0]']);
  });
});

describe.each(STORES)('teams over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  it('creates a team with weighted members', async () => {
    const res = await t.call('manager', 'POST', '/v1/teams', { key: 'life', name: 'Life desk', members: [{ repId: 'farah', weight: 2 }, { repId: 'hannah' }], managerIds: ['kate'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ key: 'life', name: 'Life desk', members: [{ repId: 'farah', weight: 2 }, { repId: 'hannah', weight: 1 }], subTeams: [], territories: [], managerIds: ['kate'] });
  });

  it('answers members and managers who do not exist with 400 naming each', async () => {
    const res = await t.call('manager', 'POST', '/v1/teams', { key: 'life', name: 'Life', members: [{ repId: 'farah' }, { repId: 'ghost' }], managerIds: ['nobody'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.members[1].repId', message: 'unknown rep "ghost"' },
      { path: 'body.managerIds[0]', message: 'unknown rep "nobody"' },
    ]);
  });

  it('answers a second create of a team key with 409 and leaves the first team as it was', async () => {
    expect((await t.call('manager', 'POST', '/v1/teams', { key: 'life', name: 'Life desk', members: [{ repId: 'farah' }] })).statusCode).toBe(201);
    const res = await t.call('admin', 'POST', '/v1/teams', { key: 'life', name: 'Life again', members: [{ repId: 'hannah' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'conflict', message: 'a team "life" exists already', details: [{ path: 'key', message: 'taken' }] } });
    expect((await t.call('manager', 'GET', '/v1/teams/life')).json()).toMatchObject({ name: 'Life desk', members: [{ repId: 'farah', weight: 1 }] });
  });

  it('builds a hierarchy of sub-teams', async () => {
    const res = await t.call('manager', 'POST', '/v1/teams', { key: 'sales', name: 'Sales', subTeams: [{ key: 'west', weight: 2 }, { key: 'inbound' }] });
    expect(res.json().subTeams).toEqual([{ key: 'west', weight: 2 }, { key: 'inbound', weight: 1 }]);
  });

  it('refuses sub-teams that would form a cycle', async () => {
    await t.call('manager', 'POST', '/v1/teams', { key: 'sales', name: 'Sales', subTeams: [{ key: 'west' }] });
    const res = await t.call('manager', 'PATCH', '/v1/teams/west', { subTeams: [{ key: 'sales' }] });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.subTeams[0].key']);
  });

  it('replaces the members of a team and keeps its other fields', async () => {
    const res = await t.call('manager', 'PATCH', '/v1/teams/west', { members: [{ repId: 'emma' }, { repId: 'farah', weight: 3 }] });
    expect(res.json()).toMatchObject({ name: 'West health', members: [{ repId: 'emma', weight: 1 }, { repId: 'farah', weight: 3 }], managerIds: ['kate'] });
  });

  it('answers an unknown team with 404', async () => {
    expect((await t.call('manager', 'GET', '/v1/teams/nowhere')).statusCode).toBe(404);
  });
});
