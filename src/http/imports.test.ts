import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { openTestApp, type TestApp, type Role } from './test-support.js';

const CSV = [
  'first_name,last_name,email,phone,state,country,product,value,custom.budget',
  'Pat,Jones,pat@example.com,(415) 555-1001,CA,US,health,5000,high',
  'Ann,Lee,not-an-email,,CA,US,health,5000,',
  'Bo,Kim,bo@example.com,,CA,US,health,5000,low',
  'Pat,Again,PAT@example.com,,CA,US,health,5000,',
].join('\n');

describe.each(STORES)('CSV imports over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  const upload = (role: Role | null, csv: string, query = '') => t.call(role, 'POST', `/v1/imports${query}`, csv, { 'content-type': 'text/csv' });

  it('imports the rows, reporting counts and the rows it could not read by line', async () => {
    const res = await upload('manager', CSV, '?source=fair');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 4, imported: 2, duplicates: 1, replayed: 0, rejected: [{ line: 3, errors: ['email: not a valid email address'] }] });
    const leads = (await t.call('admin', 'GET', '/v1/leads?source=fair')).json().data;
    expect(leads).toHaveLength(2);
    expect(leads.find((l: { email: string }) => l.email === 'pat@example.com')).toMatchObject({ phone: '+14155551001', custom: { budget: 'high' }, team: 'west', status: 'offered' });
  });

  it('answers malformed CSV with 400 and its line, importing nothing', async () => {
    const res = await upload('admin', 'first_name,email\nPat,pat@example.com\n"Ann,ann@example.com\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body', line: expect.any(Number) })]);
    expect((await t.call('admin', 'GET', '/v1/leads')).json().data).toEqual([]);
  });

  it('lets only admin and manager keys import', async () => {
    expect((await upload('rep', CSV)).statusCode).toBe(403);
    expect((await upload('capture', CSV)).statusCode).toBe(403);
    expect((await upload(null, CSV)).statusCode).toBe(401);
  });

  it('takes a file larger than the usual body limit', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `Lead${i},Jones,lead${i}@example${i}.com,CA,health,${'x'.repeat(380)}`);
    const csv = ['first_name,last_name,email,state,product,notes', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const res = await upload('admin', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3_000, imported: 3_000, rejected: [] });
  }, 120_000);
});
