import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES, type OpenStore } from '../store/test-support.js';
import { captureDeps, seedExample, TestClock, WEEKDAY } from './test-support.js';
import { csvRows } from './csv-rows.js';
import { importLeads } from './import.js';
import type { CaptureDeps } from './capture.js';

const CSV = [
  'first_name,last_name,email,phone,state,zip,country,lead_source,product,value,custom.income',
  'Ana,Ruiz,ana@gmail.com,(415) 555-0101,California,94105,United States,referral,health,12000,85000',
  'Ben,Cho,not-an-email,,NY,10001,US,web,auto,500,',
  'Cy,Dee,cy@gmail.com,206-555-0199,WA,98101,USA,,health,"$2,500",',
  'Ana,Ruiz,ana@gmail.com,,CA,94105,US,web,health,100,',
].join('\n');

describe.each(STORES)('importing leads from CSV on $name', (target) => {
  let store: OpenStore;
  let deps: CaptureDeps;
  beforeEach(async () => {
    store = await target.open();
    await seedExample(store.db, 'insurance');
    deps = captureDeps(store.db, new TestClock(WEEKDAY));
  });
  afterEach(async () => store.close());

  const run = (csv = CSV, batchSize = 2) => importLeads(deps, csvRows(csv), { source: 'import', defaultCountry: 'US', batchSize });

  it('imports the good rows, links duplicates and reports bad rows by line', async () => {
    expect(await run()).toEqual({
      rows: 4,
      imported: 2,
      duplicates: 1,
      replayed: 0,
      rejected: [{ line: 3, errors: ['email: not a valid email address'] }],
    });
  });

  it('understands Web-to-Lead names and normalises what it reads', async () => {
    await run();
    const lead = await store.db.selectFrom('leads').select(['fields', 'source']).where('email', '=', 'ana@gmail.com').executeTakeFirstOrThrow();
    expect(JSON.parse(lead.fields)).toMatchObject({ firstName: 'Ana', region: 'CA', postalCode: '94105', country: 'US', phone: '+14155550101', value: 12000 });
    expect(lead.source).toBe('referral');
  });

  it('records the import as the source of rows that name none', async () => {
    await run();
    const lead = await store.db.selectFrom('leads').select(['source']).where('email', '=', 'cy@gmail.com').executeTakeFirstOrThrow();
    expect(lead.source).toBe('import');
  });

  it('keeps custom columns as custom fields', async () => {
    await run();
    const lead = await store.db.selectFrom('leads').select(['fields']).where('email', '=', 'ana@gmail.com').executeTakeFirstOrThrow();
    expect(JSON.parse(lead.fields).custom).toEqual({ income: '85000' });
  });

  it('routes imported leads like any other capture', async () => {
    await run();
    const lead = await store.db.selectFrom('leads').select(['status', 'route']).where('email', '=', 'cy@gmail.com').executeTakeFirstOrThrow();
    expect(lead).toEqual({ status: 'offered', route: 'west-health' });
  });

  it('reports progress after every batch', async () => {
    const seen: number[] = [];
    await importLeads(deps, csvRows(CSV), { source: 'import', defaultCountry: 'US', batchSize: 1, onProgress: (r) => seen.push(r.rows) });
    expect(seen.at(-1)).toBe(4);
    expect(seen.length).toBeGreaterThan(2);
  });

  it('refuses CSV whose quotes never close, naming the line', async () => {
    await expect(run('email\n"unterminated@x.com\n')).rejects.toThrow(/line/i);
  });
});
