import type { Command } from 'commander';
import { buildApp } from '../../http/app.js';
import { ensureAdminKey } from '../../service/api-keys.js';
import { systemClock } from '../../service/clock.js';
import { seedDemo } from '../../service/demo.js';
import { captureDeps } from '../../service/deps.js';
import { createChannels, DEFAULT_RATE_LIMIT, DeliveryError, MAX_ATTEMPTS, retryDelayAfter, retryDelayMs, type OutboundMessage } from '../../notify/index.js';
import { Dispatcher } from '../../service/dispatcher.js';
import { PollingLoop } from '../../service/polling-loop.js';
import { rebuildPastReportDays } from '../../service/reports.js';
import { TimerWorker } from '../../service/timer-worker.js';
import { readSettings } from '../../settings/settings.js';
import { migrate, openDatabase } from '../../store/database.js';
import { println, type CliIo } from '../io.js';

/**
 * `leadrouter serve`: the HTTP API on the store named by LEADROUTER_DATABASE_URL. Migrates on
 * start, seeds the demo organisation into an empty store when LEADROUTER_DEMO=1, creates the
 * first admin key (printed once), applies due timers (offer expiry, first-contact deadlines, hold
 * re-checks) and keeps the report figures of past days up to date in the background, and stops
 * gracefully on SIGTERM or SIGINT: the rounds and requests in flight finish, then the database
 * closes.
 */
/** How often the report figures of past days are brought up to date in the background. */
const REPORT_DAYS_EVERY_MS = 10 * 60_000;

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the HTTP API (settings from LEADROUTER_* environment variables)')
    .action(async () => {
      const settings = readSettings(io.env);
      const db = openDatabase(settings.databaseUrl, { backgroundCheckpoints: true });
      await migrate(db);
      const deps = captureDeps(db, systemClock, { consoleUrl: settings.consoleUrl });
      if (settings.demo) {
        const demo = await seedDemo(deps);
        if (demo.seeded) {
          println(io.err, `seeded the demo organisation: the insurance agency with ${demo.leads} leads and a website form`);
          println(io.err, `  post a lead from a web form to http://${settings.host}:${settings.port}/v1/forms/website (Web-to-Lead field names work)`);
        }
      }
      const admin = await ensureAdminKey(db, settings.adminKey, systemClock);
      if (admin.created && admin.key && !settings.adminKey) {
        println(io.err, `created an admin API key (shown once, keep it safe):\n\n  ${admin.key}\n`);
      }
      const app = buildApp({ ...deps, defaultCountry: settings.defaultCountry, logger: { level: settings.logLevel } });
      const timers = new TimerWorker(deps, (error) => app.log.error({ err: error }, 'applying a due timer failed; it stays due'));
      const channels = createChannels(settings.channels);
      const dispatcher = new Dispatcher(db, systemClock, (n) => channels.send(n.message as OutboundMessage, n.dedupeKey), {
        leaseMs: settings.outboxLeaseMs,
        retryDelayMs: (attempts, error) => (error instanceof DeliveryError ? retryDelayAfter(error, attempts, Math.random) : retryDelayMs(attempts, Math.random)),
        // The lead's own inbox is the one a bot filling in a form could flood; reps hear of every lead.
        rateLimit: { kinds: new Set(['auto-response']), limit: DEFAULT_RATE_LIMIT },
        maxAttempts: MAX_ATTEMPTS,
        onError: (error) => app.log.error({ err: error }, 'delivering the outbox failed; the messages stay due'),
      });
      const reportDays = new PollingLoop(() => rebuildPastReportDays(deps), (error) => app.log.error({ err: error }, 'rebuilding report figures failed; reports rebuild them'), REPORT_DAYS_EVERY_MS);
      deps.outbox.deliverWith(dispatcher);
      const address = await app.listen({ port: settings.port, host: settings.host });
      timers.start();
      dispatcher.start();
      reportDays.start(0);
      // Listening for the signals before saying it listens: a supervisor may stop it at once.
      const stopped = new Promise<void>((resolve) => {
        const stop = async (signal: string) => {
          app.log.info({ signal }, 'shutting down');
          // Intake first: captures and actions in flight commit and hand their messages to the
          // dispatcher, which stops last, once it has recorded what it was sending.
          await app.close();
          await timers.stop();
          await reportDays.stop();
          await dispatcher.stop();
          channels.close();
          await db.destroy();
          resolve();
        };
        process.once('SIGTERM', () => void stop('SIGTERM'));
        process.once('SIGINT', () => void stop('SIGINT'));
      });
      println(io.err, `leadrouter listening on ${address} (database ${settings.databaseUrl.replace(/\/\/[^@]*@/, '//…@')})`);
      println(io.err, `  the web console: ${address}/ (sign in with an API key)`);
      await stopped;
    });
}
