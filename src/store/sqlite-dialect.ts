import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Transactions take SQLite's write lock when they begin (`begin immediate`), not at their first
 * write. A transaction reads (the lead's status, a due timer, the rotation state) and then writes
 * on what it read; with the lock taken up front, no other connection — another instance on the
 * same file — can change those rows in between, and none fails halfway with SQLITE_BUSY when
 * it tries to upgrade a read lock. Waiting for the lock is the busy timeout's job.
 */
class WriterDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class WriterSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new WriterDriver(this.settings);
  }
}
