import pg from 'pg';

/**
 * Runs `work` in a PostgreSQL schema of its own on the server at `url`, created for it and
 * dropped afterwards, so that a bench never sees (or leaves) other data. `beforeDrop` runs
 * first, e.g. to stop the processes still connected to it.
 */
export async function inBenchSchema<T>(url: string, work: (schema: string) => Promise<T>, beforeDrop: () => Promise<void> = async () => {}): Promise<T> {
  const schema = `lr_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    return await work(schema);
  } finally {
    await beforeDrop();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
