import type Sqlite from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker, type parentPort as ParentPort } from 'node:worker_threads';

/** How often the background thread copies the write-ahead log into the database. */
const EVERY_MS = 200;

/** The worker runs the thread's program as a CommonJS script, where `require` is defined. */
declare const require: NodeJS.Require;

/**
 * The thread's whole program. It is handed to the worker as source text (a worker takes a file
 * or a script, and the tests run the TypeScript sources, where no compiled file sits beside this
 * one), so it may use nothing from this module: only `require` and what it is given.
 */
function checkpointThread(): void {
  const { parentPort, workerData } = require('node:worker_threads') as { parentPort: typeof ParentPort; workerData: { driver: string; file: string; everyMs: number } };
  const { driver, file, everyMs } = workerData;
  const Driver = require(driver) as typeof Sqlite;
  const db = new Driver(file);
  // PASSIVE copies what it can without waiting for, or holding up, the writer.
  const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), everyMs);
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
 * checkpoints are turned off) and the copying happens beside it; SQLite starts the log afresh
 * once all of it has been copied. `stop` ends the thread; it never blocks.
 */
export function checkpointInBackground(sqlite: { pragma(source: string): unknown; name: string; open: boolean }): { stop(): void } {
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(`(${checkpointThread.toString()})()`, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: sqlite.name, everyMs: EVERY_MS },
  });
  // The thread never keeps the process alive; should it fail, the writer checkpoints again itself.
  worker.unref();
  worker.once('error', () => sqlite.open && sqlite.pragma('wal_autocheckpoint = 1000'));
  return { stop: () => worker.postMessage('stop') };
}
