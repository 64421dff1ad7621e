import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import { WriterSqliteDialect } from './sqlite-dialect.js';
import { checkpointInBackground } from './wal-checkpoints.js';
import type { Tables } from './schema.js';

export type Database = Kysely<Tables>;
/** The database or a transaction on it: repository functions run in either. */
export type Db = Database | Transaction<Tables>;

const INT8 = 20;

/**
 * Opens the store named by a URL: `sqlite:<path>` (or `sqlite::memory:`) for the embedded
 * default, `postgres://…` for a shared server. `schema` puts every table in a PostgreSQL schema
 * of its own (tests use one per run). `backgroundCheckpoints` suits a long-running process that
 * writes a lot (serve, import): a SQLite file's log is then copied into it by a thread of its own.
 */
export function openDatabase(url: string, options: { schema?: string; poolSize?: number; backgroundCheckpoints?: boolean } = {}): Database {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema && { options: `-c search_path=${options.schema}` }),
      // Instants are epoch milliseconds in bigint columns: read them back as numbers.
      types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
    });
    return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  }
  if (!url.startsWith('sqlite:')) throw new Error(`unsupported database URL "${url}" (expected sqlite:<path> or postgres://…)`);
  const path = url.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The default 2 MiB page cache misses on the leads' indexes as soon as there are a few thousand.
  sqlite.pragma('cache_size = -65536');
  let database = withStatementCache(sqlite);
  if (options.backgroundCheckpoints && path !== ':memory:') {
    const checkpoints = checkpointInBackground(sqlite);
    database = {
      ...database,
      close: async () => {
        await checkpoints.stop();
        sqlite.close();
      },
    };
  }
  return new Kysely<Tables>({ dialect: new WriterSqliteDialect(database, path === ':memory:' ? null : resolve(path)) });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; compiling the SQL is most of the cost of a small query.
 * The queries are a fixed set of shapes, so prepared statements are kept by their SQL text.
 * (Kysely runs one query at a time on the connection, so a statement is never used twice at once.)
 */
function withStatementCache(sqlite: Sqlite.Database) {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => {
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Brings the schema up to date; safe to run on every start and from several instances (the
 * migrator holds a lock). `schema` must name the PostgreSQL schema the database was opened on.
 */
export async function migrate(db: Database, options: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(options.schema && { migrationTableSchema: options.schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Answers when the database does: a health check. */
export async function ping(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
