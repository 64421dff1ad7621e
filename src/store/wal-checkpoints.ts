import type Sqlite from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker, type parentPort as ParentPort } from 'node:worker_threads';

/** How often the background thread copies the write-ahead log into the database. */
const EVERY_MS = 200;

/** Past this many pages (16 MiB at SQLite's default page size), the log is emptied. */
const EMPTY_PAST_PAGES = 4096;

/** The worker runs the thread's program as a CommonJS script, where `require` is defined. */
declare const require: NodeJS.Require;

/**
 * The thread's whole program. It is handed to the worker as source text (a worker takes a file
 * or a script, and the tests run the TypeScript sources, where no compiled file sits beside this
 * one), so it may use nothing from this module: only `require` and what it is given.
 */
function checkpointThread(): void {
  const { parentPort, workerData } = require('node:worker_threads') as {
    parentPort: typeof ParentPort;
    workerData: { driver: string; file: string; everyMs: number; emptyPastPages: number };
  };
  const { driver, file, everyMs, emptyPastPages } = workerData;
  const Driver = require(driver) as typeof Sqlite;
  const db = new Driver(file);
  const timer = setInterval(() => {
    // PASSIVE copies what it can without waiting for, or holding up, the writer.
    const [copied] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    // But the log starts afresh only when a write begins with all of it copied, which a writer
    // that never pauses seldom does: it would grow without end. Past a size, the little left
    // since the pass above is copied with the writer held off for that moment, and the log
    // emptied.
    if (copied!.log > emptyPastPages) db.pragma('wal_checkpoint(TRUNCATE)');
  }, everyMs);
  parentPort!.once('message', () => {
    clearInterval(timer);
    db.close();
  });
}

/**
 * Checkpoints a SQLite database's write-ahead log from a thread of its own. Left to the
 * connection that writes, a checkpoint runs inside whichever commit crosses the log's size
 * limit: it copies the log into the database and waits for the disk twice, stalling every
 * request behind that commit. Here the writer only appends to the log (its automatic
 * checkpoints are turned off) and the copying happens beside it. `stop` ends the thread and
 * resolves once its connection is closed: the writer's, closed after it, is then the last one,
 * which copies what is left and removes the log.
 */
export function checkpointInBackground(sqlite: { pragma(source: string): unknown; name: string; open: boolean }): { stop(): Promise<void> } {
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(`(${checkpointThread.toString()})()`, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: sqlite.name, everyMs: EVERY_MS, emptyPastPages: EMPTY_PAST_PAGES },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // The thread does not keep the process alive while it runs; should it fail, the writer checkpoints again itself.
  worker.unref();
  worker.once('error', () => sqlite.open && sqlite.pragma('wal_autocheckpoint = 1000'));
  return {
    stop: () => {
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
