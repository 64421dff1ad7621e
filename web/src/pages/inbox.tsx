import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { acceptLead, leadName, logContact, markLost, markWon, readLead, rejectLead, type InboxLead } from '../api/inbox';
import { ErrorMessage } from '../components/error-message';
import { formatInstant, formatMoney } from '../components/format';
import { InboxDialog } from '../components/inbox-dialog';
import { useLeadList, type LeadList } from '../components/inbox-leads';
import { InboxQueues } from '../components/inbox-queues';
import { Pager } from '../components/pager';
import { TimeLeft } from '../components/time-left';
import { useLeadEvents, type LeadEvent } from '../components/use-lead-events';
import { useSession } from '../session';
import './inbox.css';

/** The rep's inbox: offers to accept or reject, open leads to work, queues to pull the next lead from; live. */
export default function InboxPage() {
  const { who } = useSession();
  if (!who.rep) {
    return (
      <section>
        <h1>Inbox</h1>
        <p>The inbox belongs to a rep: this key is not a rep’s.</p>
      </section>
    );
  }
  return <Inbox repId={who.rep.id} keyId={who.keyId} />;
}

type Pending = { kind: 'reject' | 'contact' | 'won' | 'lost'; lead: InboxLead };

/** A refusal of an action on a lead, in words a rep reads. */
function inWords(error: unknown, what: string): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 404) return new Error(`${what}: it is no longer yours — the offer may have expired or the lead gone to someone else.`);
  if (error.status === 409) return new Error(`${what}: ${error.message}${/[.!?]$/.test(error.message) ? '' : '.'}`);
  return error;
}

/** Where the focus goes when the button that had it is gone with its lead: the heading of the section. */
function refocus(headingId: string) {
  requestAnimationFrame(() => {
    if (document.activeElement === document.body || document.activeElement === null) document.getElementById(headingId)?.focus();
  });
}

/** How an event that took a lead away from the rep reads. */
function goneText(event: LeadEvent, name: string, wasOffered: boolean): string {
  if (event.type === 'expired') return `The offer of ${name} expired.`;
  if (event.type === 'reassigned') return `${name} was reassigned to someone else.`;
  if (event.type === 'sla-breached') return `${name} was taken back: the first contact was overdue.`;
  return wasOffered ? `${name} is no longer offered to you.` : `${name} is no longer yours.`;
}

function Inbox({ repId, keyId }: { repId: string; keyId: string }) {
  const offers = useLeadList(repId, 'offered');
  const assigned = useLeadList(repId, 'assigned');
  const contacted = useLeadList(repId, 'contacted');
  const lists = [offers, assigned, contacted];
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  /** The newest version of each lead seen, so a late answer does not undo a newer one. */
  const seen = useRef(new Map<string, string>());

  const place = (lead: InboxLead) => {
    const known = seen.current.get(lead.id);
    if (known && known > lead.updatedAt) return;
    seen.current.set(lead.id, lead.updatedAt);
    for (const list of lists) list.put(lead);
  };
  const dropEverywhere = (id: string) => {
    for (const list of lists) list.drop(id);
  };
  const findAnywhere = (id: string) => offers.find(id) ?? assigned.find(id) ?? contacted.find(id);

  /** The lead with its deadline: answers other than reads of a lead may not carry it. */
  async function withDeadlines(lead: InboxLead): Promise<InboxLead> {
    const missing = (lead.status === 'offered' && lead.offerExpiresAt === undefined) || (lead.status === 'assigned' && lead.contactDueAt === undefined);
    if (!missing) return lead;
    try {
      return await readLead(lead.id);
    } catch {
      return lead;
    }
  }

  /** After a refusal, the lead as it is now (or gone). */
  async function refresh(id: string) {
    try {
      place(await readLead(id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) dropEverywhere(id);
    }
  }

  useLeadEvents((event) => {
    const before = findAnywhere(event.leadId);
    const wasOffered = offers.has(event.leadId);
    const lead = event.lead as InboxLead | null;
    // What the rep did here, the answer to their action has already said; the event may even
    // come before the list shows that answer, and must not talk over it.
    const announce = (text: string) => {
      if (event.actor !== keyId) setNotice(text);
    };
    if (!lead || lead.ownerId !== repId) {
      dropEverywhere(event.leadId);
      if (before) announce(goneText(event, leadName(before), wasOffered));
      return;
    }
    const name = leadName(lead);
    if (lead.status === 'offered' && !wasOffered) announce(`New lead offered: ${name}`);
    else if ((lead.status === 'assigned' || lead.status === 'contacted') && !before) announce(`New lead assigned to you: ${name}`);
    else if (wasOffered && lead.status !== 'offered' && event.type !== 'accepted') announce(goneText(event, name, true));
    void withDeadlines(lead).then(place);
  });

  async function accept(lead: InboxLead) {
    const name = leadName(lead);
    setBusy(lead.id);
    setActionError(null);
    try {
      const change = await acceptLead(lead.id);
      place(await withDeadlines(change.lead));
      setNotice(`You accepted ${name}. It is in your open leads, waiting for your first contact.`);
      refocus('assigned-heading');
    } catch (error) {
      setActionError(inWords(error, `Could not accept ${name}`));
      await refresh(lead.id);
    } finally {
      setBusy(null);
    }
  }

  /** A dialog's action: the change is placed; a refusal stays in the dialog, and the lead is read again. */
  async function act(lead: InboxLead, what: string, run: () => Promise<{ lead: InboxLead }>, done: string) {
    try {
      const change = await run();
      place(await withDeadlines(change.lead));
      setActionError(null);
      setNotice(done);
    } catch (error) {
      void refresh(lead.id);
      throw inWords(error, what);
    }
  }

  return (
    <section className="inbox">
      <h1>Inbox</h1>
      <div className="inbox-live" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorMessage error={actionError} />

      <section aria-labelledby="offers-heading">
        <h2 id="offers-heading" tabIndex={-1}>Offered to you</h2>
        <ListState list={offers} noun="offers" empty="No offers right now. New ones appear here as they come." />
        {offers.items.length > 0 && (
          <ul className="cards inbox-offers">
            {offers.items.map((lead) => {
              const name = leadName(lead);
              return (
                <li key={lead.id} className="card inbox-lead">
                  <h3>
                    <Link to={`/leads/${encodeURIComponent(lead.id)}`}>{name}</Link>
                  </h3>
                  <LeadFacts lead={lead} />
                  <p className="inbox-deadline">
                    {lead.offerExpiresAt ? <TimeLeft until={lead.offerExpiresAt} label="Accept within" /> : <span>No time limit to accept</span>}
                  </p>
                  <div className="actions">
                    <button type="button" onClick={() => void accept(lead)} disabled={busy === lead.id}>
                      {busy === lead.id ? 'Accepting…' : 'Accept'}
                      <span className="visually-hidden"> {name}</span>
                    </button>
                    <button type="button" className="secondary" onClick={() => setPending({ kind: 'reject', lead })} disabled={busy === lead.id}>
                      Reject<span className="visually-hidden"> {name}</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <Pager pager={offers.pager} nextCursor={offers.nextCursor} label="Offers" />
      </section>

      <section aria-labelledby="open-heading">
        <h2 id="open-heading" tabIndex={-1}>Your open leads</h2>
        <h3 id="assigned-heading" tabIndex={-1}>Waiting for your first contact</h3>
        <OpenLeads list={assigned} labelledBy="assigned-heading" empty="No accepted lead is waiting for a first contact." onAction={(kind, lead) => setPending({ kind, lead })} />
        <Pager pager={assigned.pager} nextCursor={assigned.nextCursor} label="Leads waiting for a first contact" />
        <h3 id="contacted-heading">Contacted</h3>
        <OpenLeads list={contacted} labelledBy="contacted-heading" empty="No contacted lead is open." onAction={(kind, lead) => setPending({ kind, lead })} />
        <Pager pager={contacted.pager} nextCursor={contacted.nextCursor} label="Contacted leads" />
      </section>

      <InboxQueues
        onPulled={(lead) => {
          void withDeadlines(lead).then(place);
        }}
      />

      {pending && (
        <ActionDialog
          pending={pending}
          act={act}
          onClose={() => {
            setPending(null);
            refocus(pending.kind === 'reject' ? 'offers-heading' : 'open-heading');
          }}
        />
      )}
    </section>
  );
}

function ListState({ list, noun, empty }: { list: LeadList; noun: string; empty: string }) {
  if (list.loading) return <p className="loading" role="status">Loading your {noun}…</p>;
  if (list.error) return <ErrorMessage error={list.error} />;
  if (list.items.length === 0) return <p className="hint">{empty}</p>;
  return null;
}

/** What a rep wants to know at a glance: company, product, where, value, grade. */
function LeadFacts({ lead }: { lead: InboxLead }) {
  const place = [lead.city, lead.region, lead.country].filter(Boolean).join(', ');
  return (
    <dl className="inbox-facts">
      {lead.company && (
        <>
          <dt>Company</dt>
          <dd>{lead.company}</dd>
        </>
      )}
      {lead.product && (
        <>
          <dt>Product</dt>
          <dd>{lead.product}</dd>
        </>
      )}
      {place && (
        <>
          <dt>Where</dt>
          <dd>{place}</dd>
        </>
      )}
      {typeof lead.value === 'number' && (
        <>
          <dt>Value</dt>
          <dd>{formatMoney(lead.value)}</dd>
        </>
      )}
      {lead.grade && (
        <>
          <dt>Grade</dt>
          <dd>
            {lead.grade}
            {lead.score !== null && ` (score ${lead.score})`}
          </dd>
        </>
      )}
      {lead.source && (
        <>
          <dt>Source</dt>
          <dd>{lead.source}</dd>
        </>
      )}
    </dl>
  );
}

function OpenLeads({
  list,
  labelledBy,
  empty,
  onAction,
}: {
  list: LeadList;
  labelledBy: string;
  empty: string;
  onAction: (kind: 'contact' | 'won' | 'lost', lead: InboxLead) => void;
}) {
  if (list.loading || list.error || list.items.length === 0) return <ListState list={list} noun="open leads" empty={empty} />;
  const waiting = list.status === 'assigned';
  return (
    <div className="table-wrap" tabIndex={0}>
      <table aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Company</th>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">{waiting ? 'First contact' : 'Contacted'}</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((lead) => {
            const name = leadName(lead);
            return (
              <tr key={lead.id}>
                <th scope="row">
                  <Link to={`/leads/${encodeURIComponent(lead.id)}`}>{name}</Link>
                  <span className="inbox-contact">{[lead.phone, lead.email].filter(Boolean).join(' · ')}</span>
                </th>
                <td>{lead.company ?? '—'}</td>
                <td>{lead.product ?? '—'}</td>
                <td className="num">{typeof lead.value === 'number' ? formatMoney(lead.value) : '—'}</td>
                <td>
                  {waiting ? (
                    lead.contactDueAt ? (
                      <TimeLeft until={lead.contactDueAt} label="Due" />
                    ) : (
                      'No deadline'
                    )
                  ) : (
                    formatInstant(lead.contactedAt)
                  )}
                </td>
                <td>
                  <div className="inbox-row-actions">
                    <button type="button" className="secondary" onClick={() => onAction('contact', lead)}>
                      Log contact<span className="visually-hidden"> with {name}</span>
                    </button>
                    <button type="button" onClick={() => onAction('won', lead)}>
                      Won<span className="visually-hidden"> {name}</span>
                    </button>
                    <button type="button" className="secondary" onClick={() => onAction('lost', lead)}>
                      Lost<span className="visually-hidden"> {name}</span>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type Act = (lead: InboxLead, what: string, run: () => Promise<{ lead: InboxLead }>, done: string) => Promise<void>;

/** The form each action asks for: a reason to reject or lose, a note for a contact, the revenue of a win. */
function ActionDialog({ pending, act, onClose }: { pending: Pending; act: Act; onClose: () => void }) {
  const { kind, lead } = pending;
  const name = leadName(lead);
  const [text, setText] = useState('');
  const [revenue, setRevenue] = useState(typeof lead.value === 'number' ? String(lead.value) : '');

  if (kind === 'reject') {
    return (
      <InboxDialog
        title={`Reject ${name}`}
        description="The lead goes to the next best rep and is never offered to you again. Your reason is kept on its timeline."
        submitLabel="Reject lead"
        danger
        onClose={onClose}
        onSubmit={() => {
          if (!text.trim()) return Promise.reject(new Error('Give a reason for rejecting the lead.'));
          return act(lead, `Could not reject ${name}`, () => rejectLead(lead.id, text.trim()), `You rejected ${name}.`);
        }}
      >
        <label htmlFor="reject-reason">Reason (required)</label>
        <textarea id="reject-reason" required rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
      </InboxDialog>
    );
  }
  if (kind === 'contact') {
    return (
      <InboxDialog
        title={`Log contact with ${name}`}
        description="A logged contact meets the first-contact deadline."
        submitLabel="Log contact"
        onClose={onClose}
        onSubmit={() => act(lead, `Could not log the contact with ${name}`, () => logContact(lead.id, text), `Contact with ${name} logged.`)}
      >
        <label htmlFor="contact-note">Note (optional)</label>
        <textarea id="contact-note" rows={4} maxLength={10_000} value={text} onChange={(e) => setText(e.target.value)} />
      </InboxDialog>
    );
  }
  if (kind === 'won') {
    return (
      <InboxDialog
        title={`Mark ${name} as won`}
        submitLabel="Mark as won"
        onClose={onClose}
        onSubmit={() => {
          const amount = revenue.trim() === '' ? undefined : Number(revenue);
          if (amount !== undefined && (!Number.isFinite(amount) || amount < 0)) return Promise.reject(new Error('The revenue must be a number, 0 or more.'));
          return act(
            lead,
            `Could not mark ${name} as won`,
            () => markWon(lead.id, amount),
            amount === undefined ? `${name} marked as won.` : `${name} marked as won with ${formatMoney(amount)} revenue.`,
          );
        }}
      >
        <label htmlFor="won-revenue">Revenue (USD)</label>
        <input id="won-revenue" type="number" inputMode="decimal" min={0} step="any" value={revenue} onChange={(e) => setRevenue(e.target.value)} aria-describedby="won-revenue-hint" />
        <p id="won-revenue-hint" className="hint">
          The deal value; leave it empty if you do not know it yet.
        </p>
      </InboxDialog>
    );
  }
  return (
    <InboxDialog
      title={`Mark ${name} as lost`}
      submitLabel="Mark as lost"
      danger
      onClose={onClose}
      onSubmit={() => {
        if (!text.trim()) return Promise.reject(new Error('Give a reason the lead was lost.'));
        return act(lead, `Could not mark ${name} as lost`, () => markLost(lead.id, text), `${name} marked as lost.`);
      }}
    >
      <label htmlFor="lost-reason">Reason (required)</label>
      <textarea id="lost-reason" required rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
    </InboxDialog>
  );
}
