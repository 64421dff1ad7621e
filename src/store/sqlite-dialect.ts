import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';

/** Takes turns: each holder waits for the one before it to let go. */
class TurnTaking {
  private last: Promise<void> = Promise.resolve();

  async take(): Promise<() => void> {
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const before = this.last;
    this.last = before.then(() => mine);
    await before;
    return done;
  }
}

/**
 * Database files this process has open more than once (several instances in one process, as
 * tests run them), each with the turns its connections take. better-sqlite3 waits for a lock
 * synchronously: a connection waiting for another connection of the same process would stop
 * the very event loop the holder needs to finish. So within a process, connections to one file
 * take turns here, without blocking; across processes, SQLite's own lock and busy timeout do it.
 */
const files = new Map<string, TurnTaking>();

/**
 * Transactions take SQLite's write lock when they begin (`begin immediate`), not at their first
 * write. A transaction reads (the lead's status, a due timer, the rotation state) and then writes
 * on what it read; with the lock taken up front, no other connection — another instance on the
 * same file — can change those rows in between, and none fails halfway with SQLITE_BUSY when
 * it tries to upgrade a read lock.
 */
class WriterDriver extends SqliteDriver {
  private endTurn: (() => void) | null = null;

  constructor(
    private readonly database: ClosingDatabase,
    private readonly turns: TurnTaking | null,
  ) {
    super({ database });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.endTurn = (await this.turns?.take()) ?? null;
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    this.endTurn?.();
    this.endTurn = null;
    await super.releaseConnection();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async destroy(): Promise<void> {
    await this.database.close();
  }
}

/** A database whose closing may take a moment (a thread of its own to stop first): `destroy` waits for it. */
export interface ClosingDatabase extends SqliteDatabase {
  close(): void | Promise<void>;
}

export class WriterSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: ClosingDatabase,
    /** The database file (none for an in-memory database, which nothing else can open). */
    private readonly file: string | null,
  ) {
    super({ database });
  }

  override createDriver(): Driver {
    let turns: TurnTaking | null = null;
    if (this.file) {
      turns = files.get(this.file) ?? new TurnTaking();
      files.set(this.file, turns);
    }
    return new WriterDriver(this.database, turns);
  }
}
