import type { Database } from '../store/database.js';
import { eventsInRanges, latestEventIds, type IdRange, type StoredLeadEvent } from '../store/repositories/lead-events.js';
import { getLeads } from '../store/repositories/leads.js';
import { deadlinesOf, publicLead, type PublicLead } from './lead-view.js';
import { EventCursor } from './event-cursor.js';
import type { Viewer } from './leads-query.js';
import type { OutboxSignal } from './outbox-signal.js';

export interface EventFeedOptions {
  /** How often lead_events is read while nothing is committed here (another instance may commit). Default 250 ms. */
  pollMs?: number;
  /** How long an id read past is waited for (see EventCursor). Default 10 s. */
  gapGraceMs?: number;
  /** Events read at once. Default 500. */
  batch?: number;
}

/** Sends one event to one viewer, with its lead as it is now — or null: the lead has just left this rep (see viewOf). */
export type Deliver = (event: StoredLeadEvent, lead: PublicLead | null) => void;

/**
 * What a viewer may see of an event. Managers and admins see every event with its lead. A rep
 * sees the events of the leads they hold now (offered to them or theirs), as the leads list
 * does; and, without the lead, the events that name them as the rep a lead left (rejected,
 * expired, reassigned away), so that their inbox learns to drop it.
 */
export function viewOf(viewer: Viewer, event: StoredLeadEvent, lead: PublicLead | undefined): { lead: PublicLead | null } | null {
  if (viewer.role !== 'rep') return { lead: lead ?? null };
  if (!viewer.repId) return null;
  if (lead && lead.ownerId === viewer.repId) return { lead };
  const data = event.data ?? {};
  return data.repId === viewer.repId || data.from === viewer.repId ? { lead: null } : null;
}

/** The poller starts after the latest so many ids; those missing among them may yet commit (see EventCursor.after). */
const RECENT_IDS = 1000;

interface Subscriber {
  viewer: Viewer;
  deliver: Deliver;
  /** Resuming: events after this id (and late ones, see offer); null: from now on. */
  since: number | null;
  /** What the poller read while the backlog was being sent; null once it is. */
  held: { event: StoredLeadEvent; lead: PublicLead | undefined; late: boolean }[] | null;
}

/** The poller while anyone listens. */
interface Run {
  cursor: EventCursor;
  timer: NodeJS.Timeout;
  stopListening: () => void;
  polling: boolean;
  again: boolean;
  done: Promise<void>;
}

/**
 * The lead events committed by any instance, as they come, for everyone listening to this
 * process. One poller reads lead_events for all subscribers: every `pollMs`, and at once when
 * this process commits (the OutboxSignal); it runs only while someone listens. Reading the table
 * rather than hearing of commits in memory is what brings in the events other instances commit.
 */
export class EventFeed {
  private readonly subscribers = new Set<Subscriber>();
  private readonly pollMs: number;
  private readonly gapGraceMs: number;
  private readonly batch: number;
  private run: Run | null = null;
  private starting: Promise<Run> | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly commits: OutboxSignal,
    private readonly onError: (error: unknown) => void,
    options: EventFeedOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 250;
    this.gapGraceMs = options.gapGraceMs ?? 10_000;
    this.batch = options.batch ?? 500;
  }

  /**
   * Sends the viewer every event committed from now on; with `since`, first those after that id
   * (a reconnecting client's last one), then the live ones, none twice. Resolves once the
   * backlog is sent, with the function that stops it.
   */
  async subscribe(viewer: Viewer, since: number | null, deliver: Deliver): Promise<() => void> {
    let run = await this.start();
    // Stopped meanwhile (the last listener left as this one came): start again.
    while (this.run !== run) run = await this.start();
    // Nothing awaits from here to the backlog's first read: the backlog is what the poller has
    // read so far (less its gaps, which it will read itself when they commit), the poller sends the rest.
    const subscriber: Subscriber = { viewer, deliver, since, held: [] };
    this.subscribers.add(subscriber);
    const unsubscribe = () => this.unsubscribe(subscriber);
    try {
      if (since !== null && since < run.cursor.high) await this.sendBacklog(subscriber, since, run.cursor.high, run.cursor.missing());
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const held = subscriber.held ?? [];
    subscriber.held = null;
    for (const { event, lead, late } of held) this.offer(subscriber, event, lead, late);
    return unsubscribe;
  }

  /** Stops the poller and forgets every subscriber; resolves when a read in flight is over. */
  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    const run = this.run;
    this.stop();
    await Promise.allSettled([this.starting, run?.done]);
  }

  private start(): Promise<Run> {
    if (this.closed) return Promise.reject(new Error('the event feed is closed'));
    if (this.run) return Promise.resolve(this.run);
    this.starting ??= latestEventIds(this.db, RECENT_IDS).then(
      (latest) => {
        this.starting = null;
        if (this.closed) throw new Error('the event feed is closed');
        return (this.run ??= this.newRun(EventCursor.after(latest, this.gapGraceMs, performance.now())));
      },
      (error: unknown) => {
        this.starting = null;
        throw error;
      },
    );
    return this.starting;
  }

  private newRun(cursor: EventCursor): Run {
    const poll = () => this.poll(run);
    const run: Run = {
      cursor,
      timer: setInterval(poll, this.pollMs).unref(),
      stopListening: this.commits.listen(poll),
      polling: false,
      again: false,
      done: Promise.resolve(),
    };
    return run;
  }

  private unsubscribe(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.stop();
  }

  private stop(): void {
    if (!this.run) return;
    clearInterval(this.run.timer);
    this.run.stopListening();
    this.run = null;
  }

  /** Reads until nothing is left; a wake during a read makes another read follow it. */
  private poll(run: Run): void {
    if (run.polling) {
      run.again = true;
      return;
    }
    run.polling = true;
    run.done = (async () => {
      do {
        run.again = false;
        try {
          if (await this.read(run)) run.again = true;
        } catch (error) {
          this.onError(error);
        }
      } while (run.again && this.run === run);
      run.polling = false;
    })();
  }

  /** One read: the events after the cursor and in its gaps, to everyone. True when there may be more. */
  private async read(run: Run): Promise<boolean> {
    const events = await eventsInRanges(this.db, run.cursor.toRead(), this.batch);
    const leads = await this.leadsOf(events);
    if (this.run !== run) return false;
    const high = run.cursor.high;
    run.cursor.advance(
      events.map((e) => e.id),
      performance.now(),
    );
    for (const event of events) {
      for (const subscriber of this.subscribers) this.offer(subscriber, event, leads.get(event.leadId), event.id <= high);
    }
    return events.length === this.batch;
  }

  /**
   * Sends a live event, unless the subscriber's backlog already had it. A late event (one that
   * filled a gap of the cursor) goes even when below `since`: the backlog left the gaps out, and
   * no client of this process has had it. (A client that comes over from another instance may
   * have had it there: it gets it twice, which ids let it notice.)
   */
  private offer(subscriber: Subscriber, event: StoredLeadEvent, lead: PublicLead | undefined, late: boolean): void {
    if (subscriber.held) {
      subscriber.held.push({ event, lead, late });
      return;
    }
    if (!late && subscriber.since !== null && event.id <= subscriber.since) return;
    this.send(subscriber, event, lead);
  }

  private send(subscriber: Subscriber, event: StoredLeadEvent, lead: PublicLead | undefined): void {
    const view = viewOf(subscriber.viewer, event, lead);
    if (!view) return;
    try {
      subscriber.deliver(event, view.lead);
    } catch (error) {
      this.onError(error);
    }
  }

  /** The events after `since` up to `upTo` that the poller has read already, page by page. */
  private async sendBacklog(subscriber: Subscriber, since: number, upTo: number, gaps: readonly IdRange[]): Promise<void> {
    for (let after = since; this.subscribers.has(subscriber); ) {
      const events = await eventsInRanges(this.db, [{ from: after + 1, to: upTo }], this.batch, gaps);
      const leads = await this.leadsOf(events);
      for (const event of events) this.send(subscriber, event, leads.get(event.leadId));
      if (events.length < this.batch) return;
      after = events.at(-1)!.id;
    }
  }

  /** The events' leads as they are now, as reads show them (with their deadlines). */
  private async leadsOf(events: readonly StoredLeadEvent[]): Promise<Map<string, PublicLead>> {
    const leads = await getLeads(this.db, [...new Set(events.map((e) => e.leadId))]);
    const deadlines = await deadlinesOf(this.db, leads);
    return new Map(leads.map((lead) => [lead.id, publicLead(lead, deadlines.get(lead.id))]));
  }
}
