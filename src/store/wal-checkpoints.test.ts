import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from './database.js';

let dir: string;
let file: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadrouter-checkpoints-'));
  file = join(dir, 'store.db');
  db = openDatabase(`sqlite:${file}`, { backgroundCheckpoints: true });
  await migrate(db);
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Transaction `t` of a busy service: 100 KB of settings. */
async function writeTransaction(t: number): Promise<void> {
  const rows = Array.from({ length: 10 }, (_, i) => ({ key: `k${t}-${i}`, value: JSON.stringify('x'.repeat(10_000)) }));
  await db.transaction().execute((trx) => trx.insertInto('settings').values(rows).execute());
}

/** Some 4 MB of settings, written 40 transactions apart. */
async function writeALot(): Promise<void> {
  for (let t = 0; t < 40; t++) await writeTransaction(t);
}

it('leaves checkpoints to another thread: the writing connection never runs one', async () => {
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  expect(rows[0]!.wal_autocheckpoint).toBe(0);
});

it('copies what was committed into the database file while the writer goes on', async () => {
  const before = statSync(file).size;
  await writeALot();
  // In WAL mode only a checkpoint writes the database file itself.
  await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before + 4_000_000);
});

it('keeps every committed row through close and reopen', async () => {
  await writeALot();
  await db.destroy();
  db = openDatabase(`sqlite:${file}`, { backgroundCheckpoints: true });
  const { count } = await db.selectFrom('settings').select((eb) => eb.fn.countAll<number>().as('count')).where('key', 'like', 'k%').executeTakeFirstOrThrow();
  expect(count).toBe(400);
});

it('empties the log while the writer keeps writing, instead of letting it grow without end', async () => {
  const log = `${file}-wal`;
  let largest = 0;
  let emptied = false;
  // Up to 100 MB, with the moment's pause a service leaves between transactions; past 16 MB the log is emptied.
  for (let t = 0; t < 1000 && !emptied; t++) {
    await writeTransaction(t);
    const size = statSync(log).size;
    emptied = size < largest;
    largest = Math.max(largest, size);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect(emptied).toBe(true);
  expect(largest).toBeLessThan(64 * 1024 * 1024);
});

it('removes the log once closed: the database file alone holds everything', async () => {
  await writeALot();
  await db.destroy();
  expect(existsSync(`${file}-wal`)).toBe(false);
  db = openDatabase(`sqlite:${file}`);
  const { count } = await db.selectFrom('settings').select((eb) => eb.fn.countAll<number>().as('count')).where('key', 'like', 'k%').executeTakeFirstOrThrow();
  expect(count).toBe(400);
});
