import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { allLeadsIn, getDecision, getTimeline, type Decision, type LeadView } from '../api/leads';
import { listQueues, type Queue } from '../api/queues';
import { BoardLeads, type LeadColumn } from '../components/board-leads';
import { ErrorMessage } from '../components/error-message';
import { formatInstant } from '../components/format';
import { Instant, Since } from '../components/leads-bits';
import { useReps } from '../components/leads-names';
import { exclusionText, heldReasonText, holdText, type NameOf } from '../components/leads-words';
import { LoadState } from '../components/load-state';
import { TimeLeft } from '../components/time-left';
import { useApi, type Loaded } from '../components/use-api';
import { useLeadEvents, type LeadEvent } from '../components/use-lead-events';
import { useSession } from '../session';
import './board.css';

type Section = 'queues' | 'offered' | 'assigned' | 'held';
const SECTIONS: readonly Section[] = ['queues', 'offered', 'assigned', 'held'];

/** Earliest deadline first; leads without one last. */
const byDeadline = (field: 'offerExpiresAt' | 'contactDueAt') => (a: LeadView, b: LeadView) =>
  (a[field] ? Date.parse(a[field]) : Infinity) - (b[field] ? Date.parse(b[field]) : Infinity);

/** Which parts of the board an event may change: where the lead is now, where it was, and the queues. */
function affected(event: LeadEvent, shown: Record<Section, ReadonlySet<string>>): Set<Section> {
  const lead = event.lead as LeadView | null | undefined;
  if (!lead) return new Set(SECTIONS);
  const sections = new Set<Section>();
  for (const section of SECTIONS) if (shown[section].has(event.leadId)) sections.add(section);
  if (lead.status === 'offered' || lead.status === 'assigned' || lead.status === 'held') sections.add(lead.status);
  if (lead.status === 'queued' || event.type === 'queued' || event.type === 'pulled' || lead.queue) sections.add('queues');
  return sections;
}

/** The manager's live view: queues, offers waiting for an answer, first contacts due, and held leads with the reason. */
export default function BoardPage() {
  const session = useSession();
  const { nameOf } = useReps();
  const queues = useApi(() => listQueues(), []);
  const offered = useApi(() => allLeadsIn('offered'), []);
  const assigned = useApi(() => allLeadsIn('assigned'), []);
  const held = useApi(() => allLeadsIn('held'), []);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);

  const sections: Record<Section, Loaded<unknown>> = { queues, offered, assigned, held };
  const shown: Record<Section, ReadonlySet<string>> = {
    queues: new Set(),
    offered: new Set(offered.data?.leads.map((l) => l.id)),
    assigned: new Set(assigned.data?.leads.map((l) => l.id)),
    held: new Set(held.data?.leads.map((l) => l.id)),
  };
  const latest = useRef({ sections, shown });
  latest.current = { sections, shown };

  // Events come in bursts (a capture is several): gather what they touch, then read each section once.
  const dirty = useRef(new Set<Section>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useLeadEvents((event) => {
    for (const section of affected(event, latest.current.shown)) dirty.current.add(section);
    if (dirty.current.size === 0 || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      for (const section of dirty.current) latest.current.sections[section].reload();
      dirty.current.clear();
      setUpdatedAt(session.now());
    }, 400);
  });

  const offers = [...(offered.data?.leads ?? [])].sort(byDeadline('offerExpiresAt'));
  const due = (assigned.data?.leads ?? []).filter((l) => l.contactDueAt).sort(byDeadline('contactDueAt'));
  const holding = [...(held.data?.leads ?? [])].sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
  const waiting = (queues.data?.data ?? []).reduce((sum, q) => sum + q.depth, 0);

  return (
    <section className="board">
      <div className="board-head">
        <h1>Live board</h1>
        <p className="hint" aria-live="polite">
          Updates live as leads move{updatedAt ? `; last change ${formatInstant(new Date(updatedAt).toISOString())}` : ''}.
        </p>
      </div>

      <ul className="cards board-stats" aria-label="At a glance">
        <li className="card">
          <span className="stat">{offered.data ? offers.length : '…'}</span> offered, waiting for an answer
        </li>
        <li className="card">
          <span className="stat">{assigned.data ? due.length : '…'}</span> first contacts due
        </li>
        <li className="card">
          <span className="stat">{held.data ? holding.length : '…'}</span> held
        </li>
        <li className="card">
          <span className="stat">{queues.data ? waiting : '…'}</span> waiting in queues
        </li>
      </ul>

      <Queues loaded={queues} />
      <BoardLeads
        id="board-offered"
        title="Offered, not yet accepted"
        loaded={offered}
        what="offered leads"
        leads={offers}
        empty="No offer is waiting for an answer."
        pagerLabel="Offered leads"
        columns={offerColumns(nameOf)}
      />
      <BoardLeads
        id="board-sla"
        title="SLA at risk: first contact due"
        loaded={assigned}
        what="assigned leads"
        leads={due}
        empty="Every accepted lead has been contacted."
        pagerLabel="Leads due a first contact"
        columns={slaColumns(nameOf)}
      />
      <BoardLeads id="board-held" title="Held leads and why" loaded={held} what="held leads" leads={holding} empty="No lead is held." pagerLabel="Held leads" columns={HELD_COLUMNS} />
    </section>
  );
}

/** Who may pull from a queue, in words. */
function pullersText(pullers: Queue['pullers']): string {
  if (pullers === 'everyone') return 'every rep';
  if (pullers === 'nobody') return 'nobody: managers hand them out';
  return [...pullers.teams.map((team) => `team ${team}`), ...pullers.reps].join(', ');
}

function Queues({ loaded }: { loaded: Loaded<{ data: Queue[] }> }) {
  const queues = loaded.data?.data ?? [];
  return (
    <section aria-labelledby="board-queues">
      <h2 id="board-queues">Queues</h2>
      <LoadState loaded={loaded} what="the queues" />
      {loaded.data &&
        (queues.length === 0 ? (
          <p className="hint">No queue in the routing configuration.</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col" className="num">
                    Waiting
                  </th>
                  <th scope="col">Oldest has waited</th>
                  <th scope="col">Pulled by</th>
                </tr>
              </thead>
              <tbody>
                {queues.map((queue) => (
                  <tr key={queue.key}>
                    <th scope="row">{queue.key}</th>
                    <td className="num">{queue.depth}</td>
                    <td>{queue.oldestAt ? <Since at={queue.oldestAt} /> : 'empty'}</td>
                    <td>{pullersText(queue.pullers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

/** Offers waiting for an answer: to whom, when, and how long the rep has left to accept. */
function offerColumns(nameOf: NameOf): LeadColumn[] {
  return [
    { header: 'Offered to', cell: (lead) => nameOf(lead.ownerId) },
    { header: 'Offered', cell: (lead) => <Instant at={lead.offeredAt} /> },
    { header: 'Time left to accept', cell: (lead) => (lead.offerExpiresAt ? <TimeLeft until={lead.offerExpiresAt} label="Offer" /> : 'no time limit') },
  ];
}

/** Accepted leads not yet contacted: whose, since when, and how long is left to the first-contact deadline. */
function slaColumns(nameOf: NameOf): LeadColumn[] {
  return [
    { header: 'Owner', cell: (lead) => nameOf(lead.ownerId) },
    { header: 'Accepted', cell: (lead) => <Instant at={lead.assignedAt} /> },
    { header: 'Time left to contact', cell: (lead) => lead.contactDueAt && <TimeLeft until={lead.contactDueAt} label="First contact" /> },
  ];
}

/** Held leads: for how long, and why. */
const HELD_COLUMNS: readonly LeadColumn[] = [
  { header: 'Held for', cell: (lead) => <Since at={lead.updatedAt} /> },
  // Keyed by the lead's last change, so a lead that changed reads its reason again.
  { header: 'Why', cell: (lead) => <HeldReason key={lead.updatedAt} lead={lead} /> },
];

type Reason = { decision: Decision } | { event: string };

/** The reason a lead is held: its decision's summary, or (never decided) its timeline's `held` event. */
async function heldReason(leadId: string): Promise<Reason> {
  try {
    return { decision: await getDecision(leadId) };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    const timeline = await getTimeline(leadId, undefined);
    const last = timeline.data.filter((event) => event.type === 'held').at(-1);
    return { event: heldReasonText(last?.data?.reason) };
  }
}

function HeldReason({ lead }: { lead: LeadView }) {
  const reason = useApi(() => heldReason(lead.id), [lead.id]);
  if (reason.error) return <ErrorMessage error={reason.error} />;
  if (!reason.data)
    return (
      <span role="status" className="loading">
        Reading the reason…
      </span>
    );
  if ('event' in reason.data) return <p className="reason">{reason.data.event.charAt(0).toUpperCase() + reason.data.event.slice(1)}.</p>;
  const decision = reason.data.decision;
  const passedOver = decision.explanation.routes.flatMap((route) => (route.candidates ?? []).filter((c) => c.excluded).map((c) => ({ route: route.name, ...c })));
  return (
    <>
      <p className="reason">{holdText(decision)}</p>
      {passedOver.length > 0 && (
        <details>
          <summary>Why each rep was passed over ({passedOver.length})</summary>
          <ul className="passed-over">
            {passedOver.map((c, index) => (
              <li key={`${c.route}-${c.repId}-${index}`}>
                {c.name}: {exclusionText(c.excluded!)} <span className="hint">(route {c.route})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
