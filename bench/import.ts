/**
 * Imports 100,000 CSV rows into a fresh store with the insurance example's people and routing,
 * each row normalised, deduped, matched, routed and committed in batches. Baseline: csv-parse
 * reading the same file in the same run, so the ratio says what the import adds to the parse.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRows } from '../src/service/csv-rows.js';
import { captureDeps } from '../src/service/deps.js';
import { importLeads } from '../src/service/import.js';
import { seedExample } from '../src/service/test-support.js';
import { migrate, openDatabase } from '../src/store/database.js';
import { insuranceLeads } from './support/organisations.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const WEEKDAY = Date.parse('2026-11-24T18:00:00Z');

function writeCsv(path: string): void {
  const header = 'first_name,last_name,email,phone,company,state,zip,country,lead_source,product,value,custom.income';
  const lines = insuranceLeads(ROWS, 5).map((l, i) =>
    [l.firstName, l.lastName, `lead${i}@example${i % 5000}.org`, l.phone ? `+1212${2_000_000 + i}` : '', l.company, l.region ?? '', l.postalCode ?? '', l.country, l.source, l.product, l.value, (l.custom as { income: number }).income].join(','),
  );
  writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
}

async function importInto(url: string, file: string, schema?: string) {
  // As `leadrouter import` opens it.
  const db = openDatabase(url, schema ? { schema } : { backgroundCheckpoints: true });
  await migrate(db, schema ? { schema } : {});
  await seedExample(db, 'insurance', WEEKDAY);
  const started = performance.now();
  const report = await importLeads(captureDeps(db, { now: () => WEEKDAY }), csvRows(createReadStream(file)), { source: 'import', defaultCountry: 'US', batchSize: 1000 });
  const seconds = (performance.now() - started) / 1000;
  await db.destroy();
  return { report, seconds };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leadrouter-bench-import-'));
  try {
    const file = join(dir, 'leads.csv');
    writeCsv(file);
    let parsed = 0;
    const parseStart = performance.now();
    for await (const _row of csvRows(createReadStream(file))) parsed++;
    const parseSeconds = (performance.now() - parseStart) / 1000;

    const sqlite = await importInto(`sqlite:${join(dir, 'bench.db')}`, file);
    console.log(`CSV import of ${ROWS.toLocaleString('en-US')} rows (insurance example, batches of 1,000 rows per transaction)`);
    console.log(`  csv-parse alone          ${parseSeconds.toFixed(2)} s  (${Math.round(parsed / parseSeconds).toLocaleString('en-US')} rows/s)`);
    console.log(`  import on SQLite         ${sqlite.seconds.toFixed(2)} s  (${Math.round(ROWS / sqlite.seconds).toLocaleString('en-US')} rows/s)`);
    console.log(`    ${sqlite.report.imported} imported, ${sqlite.report.duplicates} duplicates, ${sqlite.report.rejected.length} rejected`);
    let pgSeconds: number | null = null;
    const pgUrl = process.env.LEADROUTER_TEST_PG_URL;
    if (pgUrl) {
      const pg = await import('pg');
      const schema = `lr_bench_${Date.now()}`;
      const admin = new pg.default.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      try {
        const postgres = await importInto(pgUrl, file, schema);
        pgSeconds = postgres.seconds;
        console.log(`  import on PostgreSQL     ${postgres.seconds.toFixed(2)} s  (${Math.round(ROWS / postgres.seconds).toLocaleString('en-US')} rows/s)`);
      } finally {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    }
    console.log(
      JSON.stringify({
        bench: 'import',
        rows: ROWS,
        sqliteSeconds: Math.round(sqlite.seconds * 100) / 100,
        postgresSeconds: pgSeconds === null ? null : Math.round(pgSeconds * 100) / 100,
        baselineSeconds: Math.round(parseSeconds * 100) / 100,
        ratio: Math.round((sqlite.seconds / parseSeconds) * 10) / 10,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
