import { mkdtempSync, rmSync, statSync } from 'node:fs';
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

/** Some 4 MB of settings, written 40 transactions apart as a busy service would. */
async function writeALot(): Promise<void> {
  for (let t = 0; t < 40; t++) {
    const rows = Array.from({ length: 10 }, (_, i) => ({ key: `k${t}-${i}`, value: JSON.stringify('x'.repeat(10_000)) }));
    await db.transaction().execute((trx) => trx.insertInto('settings').values(rows).execute());
  }
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
