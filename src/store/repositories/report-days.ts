import type { Database, Db } from '../database.js';
import { addFigures, durationFigures, figuresFromLeads, figuresOf, type Counts, type Duration, type DurationFigures, type FigureKind, type FiguresByKey, type GroupBy, type Window } from './reports.js';

/**
 * Report figures kept per day of lead creation (UTC), per rep, team and source (migration 011):
 * a window of whole days is read from them, and only its partial first and last days from the
 * leads and events themselves. Triggers mark a day stale whenever its leads or their reported
 * events change; the stale days a report reads are rebuilt first, so the figures are always
 * those the leads and events give. (The day a window ends in is partial, so today is read from
 * the leads and events: the busy day is never rebuilt under the writes.)
 */

export const DAY_MS = 86_400_000;
const DIMENSIONS: readonly GroupBy[] = ['rep', 'team', 'source'];

const dayWindow = (day: number): Window => ({ from: day * DAY_MS, to: (day + 1) * DAY_MS });
/** Rows have a key: '' stands for none. */
const storedKey = (key: string | null) => key ?? '';
const readKey = (key: string) => (key === '' ? null : key);

/**
 * Rebuilds the figures of the stale days from `fromDay` up to, not including, `toDay`, a day per
 * transaction: a write that marks a day stale while it is rebuilt waits for that one day only.
 * Concurrent callers share the work, each claiming days of its own.
 */
export async function rebuildStaleDays(db: Database, fromDay: number, toDay: number): Promise<number> {
  let rebuilt = 0;
  for (;;) {
    const found = await db.transaction().execute(async (trx) => {
      const stale = await trx.selectFrom('report_stale_days').select('day').where('day', '>=', fromDay).where('day', '<', toDay).orderBy('day').limit(1).executeTakeFirst();
      if (!stale) return false;
      const claimed = await trx.deleteFrom('report_stale_days').where('day', '=', stale.day).returning('day').executeTakeFirst();
      if (claimed) {
        await rebuildDay(trx, Number(claimed.day));
        rebuilt++;
      }
      return true;
    });
    if (!found) return rebuilt;
  }
}

async function rebuildDay(trx: Db, day: number): Promise<void> {
  await trx.deleteFrom('report_days').where('day', '=', day).execute();
  for (const dim of DIMENSIONS) {
    const byKey = await figuresFromLeads(trx, dayWindow(day), dim, ['counts', 'speed', 'accept']);
    const rows = [...byKey].map(([key, f]) => ({ day, dim, key: storedKey(key), counts: JSON.stringify(f.counts), speed: JSON.stringify(f.speed), accept: JSON.stringify(f.accept) }));
    if (rows.length > 0) await trx.insertInto('report_days').values(rows).execute();
  }
}

/**
 * The figures of the leads created in the window, by the rep, team or source: the whole days
 * from the kept figures (rebuilt first where stale), the partial days at either end from the
 * leads and events. Only the kinds asked for are read.
 */
export async function figuresIn(db: Database, w: Window, groupBy: GroupBy, kinds: readonly FigureKind[]): Promise<FiguresByKey> {
  const firstDay = Math.ceil(w.from / DAY_MS);
  const endDay = Math.floor(w.to / DAY_MS);
  if (firstDay >= endDay) return figuresFromLeads(db, w, groupBy, kinds);
  await rebuildStaleDays(db, firstDay, endDay);
  const byKey: FiguresByKey = new Map();
  const edges = [
    { from: w.from, to: firstDay * DAY_MS },
    { from: endDay * DAY_MS, to: w.to },
  ].filter((edge) => edge.from < edge.to);
  for (const edge of edges) merge(byKey, await figuresFromLeads(db, edge, groupBy, kinds));
  const rows = await db
    .selectFrom('report_days')
    .select(['key', ...kinds])
    .where('dim', '=', groupBy)
    .where('day', '>=', firstDay)
    .where('day', '<', endDay)
    .execute();
  for (const row of rows) {
    const stored = row as Record<FigureKind, string>;
    addFigures(figuresOf(byKey, readKey(row.key)), Object.fromEntries(kinds.map((kind) => [kind, JSON.parse(stored[kind])])));
  }
  return byKey;
}

function merge(into: FiguresByKey, from: FiguresByKey): void {
  for (const [key, figures] of from) addFigures(figuresOf(into, key), figures);
}

/** Capture to first contact (`contacted_at − created_at`) of the leads contacted. */
export async function speedToLead(db: Database, w: Window, groupBy: GroupBy, withinMs: number) {
  return percentilesOf(await figuresIn(db, w, groupBy, ['speed']), 'speed', withinMs);
}

/** Offer to acceptance of the leads accepted after an offer (see DURATIONS). */
export async function timeToAccept(db: Database, w: Window, groupBy: GroupBy, withinMs: number) {
  return percentilesOf(await figuresIn(db, w, groupBy, ['accept']), 'accept', withinMs);
}

function percentilesOf(byKey: FiguresByKey, kind: Duration, withinMs: number): { groups: DurationFigures[]; total: DurationFigures } {
  const groups = [...byKey].filter(([, f]) => f[kind].length > 0).map(([key, f]) => durationFigures(key, f[kind], withinMs));
  return { groups, total: durationFigures(null, [...byKey.values()].flatMap((f) => f[kind]), withinMs) };
}

/** The counts of each key that has any of these. */
async function countsOf<K extends keyof Counts>(db: Database, w: Window, groupBy: GroupBy, fields: readonly K[]): Promise<({ key: string | null } & Pick<Counts, K>)[]> {
  const byKey = await figuresIn(db, w, groupBy, ['counts']);
  return [...byKey]
    .filter(([, f]) => fields.some((field) => f.counts[field] !== 0))
    .map(([key, f]) => ({ key, ...(Object.fromEntries(fields.map((field) => [field, f.counts[field]])) as Pick<Counts, K>) }));
}

export type OfferCounts = { key: string | null } & Pick<Counts, 'offered' | 'accepted' | 'rejected' | 'expired'>;
export type BreachCounts = { key: string | null } & Pick<Counts, 'assignments' | 'breaches'>;
export type OutcomeCounts = { key: string | null } & Pick<Counts, 'leads' | 'won' | 'lost' | 'revenue' | 'deals'>;

/** Offers made (`offered` events) and how they were answered (`accepted`, `rejected`, `expired`). */
export const offerCounts = (db: Database, w: Window, groupBy: GroupBy): Promise<OfferCounts[]> => countsOf(db, w, groupBy, ['offered', 'accepted', 'rejected', 'expired']);

/** First-contact deadlines missed (`sla-breached` events), against the assignments that started one. */
export const breachCounts = (db: Database, w: Window, groupBy: GroupBy): Promise<BreachCounts[]> => countsOf(db, w, groupBy, ['assignments', 'breaches']);

/** Leads, how many were won and lost, and the revenue won. */
export const outcomeCounts = (db: Database, w: Window, groupBy: GroupBy): Promise<OutcomeCounts[]> => countsOf(db, w, groupBy, ['leads', 'won', 'lost', 'revenue', 'deals']);
