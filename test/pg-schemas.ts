import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL test schemas are named after this run and dropped together when the run ends.
 * Dropping each as its test finishes would race with other test files: Kysely's migrator looks
 * at every schema's tables, and a schema dropped meanwhile fails that look.
 */
export async function setup(): Promise<void> {
  process.env.LEADROUTER_TEST_RUN = randomBytes(4).toString('hex');
}

export async function teardown(): Promise<void> {
  const url = process.env.LEADROUTER_TEST_PG_URL;
  const run = process.env.LEADROUTER_TEST_RUN;
  if (!url || !run) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`select nspname as name from pg_namespace where nspname like $1`, [`lr_test_${run}_%`]);
    for (const { name } of rows) await client.query(`drop schema ${name} cascade`);
  } finally {
    await client.end();
  }
}
