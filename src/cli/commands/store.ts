import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { captureDeps } from '../../service/deps.js';
import { csvRows } from '../../service/csv-rows.js';
import { importLeads, type ImportReport } from '../../service/import.js';
import { migrate, openDatabase, type Database } from '../../store/database.js';
import { readSettings } from '../../settings/settings.js';
import { CliError, println, type CliIo } from '../io.js';

/** Opens the database named by the settings for one command, closing it afterwards. */
async function withDatabase<T>(io: CliIo, use: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(readSettings(io.env).databaseUrl, { backgroundCheckpoints: true });
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

function printReport(io: CliIo, report: ImportReport, seconds: number): void {
  println(
    io.out,
    `${report.rows} rows in ${seconds.toFixed(1)} s: ${report.imported} imported, ${report.duplicates} linked to open duplicates, ${report.replayed} already imported, ${report.rejected.length} rejected`,
  );
  for (const { line, errors } of report.rejected.slice(0, 50)) println(io.out, `  line ${line}: ${errors.join('; ')}`);
  if (report.rejected.length > 50) println(io.out, `  … and ${report.rejected.length - 50} more`);
}

/** `leadrouter migrate` and `leadrouter import <csv>`: commands that work on the store named by LEADROUTER_DATABASE_URL. */
export function registerStore(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('migrate')
    .description('bring the database named by LEADROUTER_DATABASE_URL up to date')
    .action(async () => {
      const applied = await withDatabase(io, migrate);
      println(io.out, applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
    });

  program
    .command('import')
    .description('import leads from a CSV file (a header row naming the fields; Web-to-Lead names understood), routing each; exits 2 when rows were rejected')
    .argument('<file>', 'the CSV file')
    .option('--source <name>', 'the source of rows that name none', 'import')
    .option('--batch <rows>', 'rows per transaction', (v) => Number(v), 500)
    .action(async (file: string, options: { source: string; batch: number }) => {
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`cannot read "${file}": no such file`);
      }
      const settings = readSettings(io.env);
      const started = io.now();
      const report = await withDatabase(io, async (db) => {
        await migrate(db);
        const input = createReadStream(file);
        const bar = io.interactive ? new SingleBar({ format: 'importing [{bar}] {percentage}% | {rows} rows | {imported} imported | {rejected} rejected', stream: process.stderr }) : null;
        bar?.start(size, 0, { rows: 0, imported: 0, rejected: 0 });
        try {
          return await importLeads(captureDeps(db), csvRows(input), {
            source: options.source,
            defaultCountry: settings.defaultCountry,
            batchSize: options.batch,
            actor: 'cli import',
            onProgress: (r) => bar?.update(input.bytesRead, { rows: r.rows, imported: r.imported, rejected: r.rejected.length }),
          });
        } finally {
          bar?.stop();
        }
      });
      printReport(io, report, (io.now() - started) / 1000);
      if (report.rejected.length > 0) setExit(2);
    });
}
