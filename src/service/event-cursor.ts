import type { IdRange } from '../store/repositories/lead-events.js';

/** Ids the cursor passed without reading them: looked for again until `until`. */
interface Gap {
  from: number;
  to: number;
  until: number;
}

/** More gaps than this at once (a storm of rollbacks): the oldest are given up on first. */
const MAX_GAPS = 100;

/**
 * How far the event feed has read lead_events, and which ids below that it still waits for.
 *
 * An event's id is handed out when its row is inserted, but the row is seen only once its
 * transaction commits, and on PostgreSQL two transactions may commit in the other order: id 41
 * can show up after 42 was read. A plain `id > last` cursor would skip 41 for good. So when a
 * read jumps over ids, they are kept as gaps and read again with each poll, until they show up
 * or `graceMs` has passed — an id can also stay missing forever, used by a transaction that
 * rolled back. Only the missing ids are read again, never rows already read, so a gap costs
 * one indexed range per poll. (On SQLite writes are serialised: ids commit in order and gaps
 * never appear.) Instants here are real, monotonic milliseconds: they measure how long a
 * transaction may take to commit, which the service's clock knows nothing of.
 */
export class EventCursor {
  private gaps: Gap[] = [];

  constructor(
    /** The highest id read so far. */
    private last: number,
    private readonly graceMs: number,
  ) {}

  /**
   * A cursor past the latest ids (in order), for a feed that starts now: the ids missing among
   * them may belong to transactions about to commit, whose events are news.
   */
  static after(latest: readonly number[], graceMs: number, now: number): EventCursor {
    const cursor = new EventCursor(latest.length > 0 ? latest[0]! - 1 : 0, graceMs);
    cursor.advance(latest, now);
    return cursor;
  }

  get high(): number {
    return this.last;
  }

  /** What the next poll reads: everything after the highest id read, and the gaps below it. */
  toRead(): IdRange[] {
    return [{ from: this.last + 1, to: null }, ...this.missing()];
  }

  /** The ids below the highest read that were not there yet. */
  missing(): IdRange[] {
    return this.gaps.map(({ from, to }) => ({ from, to }));
  }

  /** Takes in the ids a poll read (in id order, each read once: toRead names only ids not read before). */
  advance(ids: readonly number[], now: number): void {
    for (const id of ids) {
      if (id > this.last) {
        if (id > this.last + 1) this.gaps.push({ from: this.last + 1, to: id - 1, until: now + this.graceMs });
        this.last = id;
      } else {
        this.fill(id);
      }
    }
    this.gaps = this.gaps.filter((gap) => gap.until > now).slice(-MAX_GAPS);
  }

  private fill(id: number): void {
    const index = this.gaps.findIndex((gap) => gap.from <= id && id <= gap.to);
    if (index < 0) return;
    const gap = this.gaps[index]!;
    const parts = [
      { ...gap, to: id - 1 },
      { ...gap, from: id + 1 },
    ].filter((part) => part.from <= part.to);
    this.gaps.splice(index, 1, ...parts);
  }
}
