import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.js';
import { startServe } from './serve-process.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadrouter-shutdown-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('stops on SIGTERM with everything in the SQLite database file itself, no write-ahead log left beside it', async () => {
  const file = join(dir, 'leadrouter.db');
  const serve = await startServe({ LEADROUTER_DATABASE_URL: `sqlite:${file}`, LEADROUTER_DEMO: '1', LEADROUTER_ADMIN_KEY: 'lr_test_shutdown_admin_key_0123456789abcdef' });
  expect(await serve.stop()).toBe(0);
  expect(existsSync(`${file}-wal`)).toBe(false);
  // What a backup that copies the one file gets.
  const copy = join(dir, 'copy.db');
  copyFileSync(file, copy);
  const db = openDatabase(`sqlite:${copy}`);
  try {
    const { count } = await db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    expect(count).toBe(300);
  } finally {
    await db.destroy();
  }
}, 60_000);
