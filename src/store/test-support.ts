import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase, type Database } from './database.js';

/** A store the suite runs against: a real SQLite file, or a real PostgreSQL schema of its own. */
export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  /** A new, empty database, migrated unless told not to be (a migration's test runs them itself); `close` removes it. */
  open(options?: { migrated?: boolean }): Promise<OpenStore>;
}

export interface OpenStore {
  db: Database;
  /** The PostgreSQL schema the database lives in; none on SQLite. */
  schema?: string;
  /** The URL another process (`leadrouter serve`) reaches this same database at, as LEADROUTER_DATABASE_URL. */
  url: string;
  /** Another connection pool on the same database, as a second leadrouter instance would have. */
  connectAgain(): Database;
  close(): Promise<void>;
}

const sqlite: StoreTarget = {
  name: 'sqlite',
  async open({ migrated = true } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'leadrouter-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = openDatabase(url);
    if (migrated) await migrate(db);
    return {
      db,
      url,
      connectAgain: () => openDatabase(url),
      async close() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgres(url: string): StoreTarget {
  return {
    name: 'postgres',
    async open({ migrated = true } = {}) {
      // Dropped with the rest of the run's schemas when it ends (test/pg-schemas.ts).
      const schema = `lr_test_${process.env.LEADROUTER_TEST_RUN ?? 'adhoc'}_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const db = openDatabase(url, { schema, poolSize: 8 });
      if (migrated) await migrate(db, { schema });
      return {
        db,
        schema,
        // The tables are found through the search path, as openDatabase's `schema` does it.
        url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        connectAgain: () => openDatabase(url, { schema, poolSize: 4 }),
        async close() {
          await db.destroy();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too whenever LEADROUTER_TEST_PG_URL is set (CI sets it). */
export const STORES: StoreTarget[] = [sqlite, ...(process.env.LEADROUTER_TEST_PG_URL ? [postgres(process.env.LEADROUTER_TEST_PG_URL)] : [])];
