import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { getDecision, getLead, REASSIGNABLE, reassignLead, type LeadChange, type LeadView } from '../api/leads';
import type { Rep } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { formatMoney } from '../components/format';
import { Instant, StatusBadge } from '../components/leads-bits';
import { DecisionTables } from '../components/leads-decision';
import { useReps } from '../components/leads-names';
import { LeadTimeline } from '../components/leads-timeline';
import { leadName, type NameOf } from '../components/leads-words';
import { LoadState } from '../components/load-state';
import { Notice } from '../components/notice';
import { TimeLeft } from '../components/time-left';
import { useApi } from '../components/use-api';
import { useLeadEvents } from '../components/use-lead-events';
import { useSession } from '../session';
import './lead.css';

const FIELDS: readonly (readonly [keyof LeadView, string])[] = [
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['company', 'Company'],
  ['title', 'Title'],
  ['industry', 'Industry'],
  ['country', 'Country'],
  ['region', 'Region'],
  ['city', 'City'],
  ['postalCode', 'Postal code'],
  ['language', 'Language'],
  ['product', 'Product'],
  ['source', 'Source'],
  ['externalId', 'External id'],
];

/** When the lead reached each step of its life, in order. */
const MILESTONES: readonly (readonly ['createdAt' | 'offeredAt' | 'assignedAt' | 'contactedAt' | 'closedAt', string])[] = [
  ['createdAt', 'Captured'],
  ['offeredAt', 'Offered'],
  ['assignedAt', 'Accepted'],
  ['contactedAt', 'First contact'],
  ['closedAt', 'Closed'],
];

const shown = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** One lead: its fields and status, its timeline, the routing decision explained, and (for managers) a reassign form. */
export default function LeadPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const manager = session.who.role === 'admin' || session.who.role === 'manager';
  const [version, setVersion] = useState(0);
  const lead = useApi(() => getLead(id), [id, version]);
  const { reps, nameOf } = useReps();
  const bump = useCallback(() => setVersion((n) => n + 1), []);

  // Another tab, a rep or the clock changed this lead: read it again (debounced, events come in bursts).
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), []);
  useLeadEvents((event) => {
    if (event.leadId !== id) return;
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(bump, 300);
  });

  if (lead.error && !lead.data) {
    const missing = lead.error instanceof ApiError && (lead.error.status === 404 || lead.error.status === 403);
    if (!missing) {
      return (
        <section>
          <h1>Lead</h1>
          <ErrorMessage error={lead.error} />
        </section>
      );
    }
    return (
      <section>
        <h1>Lead not available</h1>
        <div className="error" role="alert">
          <p>{session.who.role === 'rep' ? 'This lead is not yours or does not exist.' : 'There is no lead with this id. Check the link, or find the lead in the list.'}</p>
        </div>
        <p>{manager ? <Link to="/leads">Back to the leads</Link> : <Link to="/inbox">Back to your inbox</Link>}</p>
      </section>
    );
  }
  if (!lead.data) return <LoadState loaded={lead} what="the lead" />;
  const l = lead.data;

  return (
    <article className="lead-page">
      <p className="back">{manager ? <Link to="/leads">← All leads</Link> : <Link to="/inbox">← Your inbox</Link>}</p>
      <h1>{leadName(l)}</h1>
      {lead.error ? <ErrorMessage error={lead.error} /> : null}
      <div className="lead-head card">
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={l.status} />
              {l.isTest && <span className="badge"> test lead</span>}
            </dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{l.ownerId ? nameOf(l.ownerId) : 'Nobody'}</dd>
          </div>
          {l.team && (
            <div>
              <dt>Team</dt>
              <dd>{l.team}</dd>
            </div>
          )}
          {l.queue && (
            <div>
              <dt>Queue</dt>
              <dd>{l.queue}</dd>
            </div>
          )}
          <div>
            <dt>Route</dt>
            <dd>{l.route ?? '—'}</dd>
          </div>
          <div>
            <dt>Score</dt>
            <dd>
              {l.score ?? '—'}
              {l.grade ? ` (grade ${l.grade})` : ''}
            </dd>
          </div>
          {l.status === 'offered' && l.offerExpiresAt && (
            <div>
              <dt>Offer</dt>
              <dd>
                <TimeLeft until={l.offerExpiresAt} label="Offer expires" />
              </dd>
            </div>
          )}
          {l.status === 'assigned' && l.contactDueAt && (
            <div>
              <dt>First contact</dt>
              <dd>
                <TimeLeft until={l.contactDueAt} label="First contact due" />
              </dd>
            </div>
          )}
        </dl>
      </div>

      {manager && <ReassignForm lead={l} reps={reps} nameOf={nameOf} onDone={bump} />}

      <section aria-labelledby="lead-details">
        <h2 id="lead-details">Details</h2>
        <dl className="details card">
          {FIELDS.map(([field, label]) => (
            <div key={field}>
              <dt>{label}</dt>
              <dd>{shown(l[field])}</dd>
            </div>
          ))}
          <div>
            <dt>Deal value</dt>
            <dd>{formatMoney(l.value ?? null)}</dd>
          </div>
          {MILESTONES.map(([field, label]) => (
            <div key={field}>
              <dt>{label}</dt>
              <dd>
                <Instant at={l[field]} />
              </dd>
            </div>
          ))}
          {l.revenue !== null && (
            <div>
              <dt>Revenue</dt>
              <dd>{formatMoney(l.revenue)}</dd>
            </div>
          )}
          {l.lostReason && (
            <div>
              <dt>Lost because</dt>
              <dd>{l.lostReason}</dd>
            </div>
          )}
          <div>
            <dt>Offers made</dt>
            <dd>{l.attempts}</dd>
          </div>
          {l.triedReps.length > 0 && (
            <div>
              <dt>Passed on by</dt>
              <dd>{l.triedReps.map((rep) => nameOf(rep)).join(', ')}</dd>
            </div>
          )}
          {Object.entries(l.custom ?? {}).map(([key, value]) => (
            <div key={`custom-${key}`}>
              <dt>{key}</dt>
              <dd>{shown(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="lead-decision">
        <h2 id="lead-decision">Routing decision</h2>
        <LeadDecision leadId={l.id} version={version} nameOf={nameOf} />
      </section>

      <section aria-labelledby="lead-timeline">
        <h2 id="lead-timeline">Timeline</h2>
        <LeadTimeline leadId={l.id} version={version} nameOf={nameOf} />
      </section>
    </article>
  );
}

function LeadDecision({ leadId, version, nameOf }: { leadId: string; version: number; nameOf: NameOf }) {
  const decision = useApi(() => getDecision(leadId), [leadId, version]);
  if (decision.error instanceof ApiError && decision.error.status === 404) {
    return <p className="hint">No routing decision yet: the lead was held while no routing configuration was active.</p>;
  }
  if (decision.error || !decision.data) return <LoadState loaded={decision} what="the decision" />;
  return <DecisionTables decision={decision.data} nameOf={nameOf} />;
}

const ROUTING = '';

/** A manager gives the lead to a rep (assigned at once) or sends it back through routing without its current owner. */
function ReassignForm({ lead, reps, nameOf, onDone }: { lead: LeadView; reps: Rep[]; nameOf: NameOf; onDone: () => void }) {
  const [to, setTo] = useState(ROUTING);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const allowed = REASSIGNABLE.includes(lead.status);
  const choices = reps.filter((rep) => rep.active !== false && rep.id !== lead.ownerId).sort((a, b) => a.name.localeCompare(b.name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const change: LeadChange = await reassignLead(lead.id, { ...(to !== ROUTING && { repId: to }), ...(reason.trim() && { reason: reason.trim() }) });
      setResult(
        to !== ROUTING
          ? `Reassigned to ${nameOf(change.lead.ownerId)}: the lead is now ${change.lead.status}.`
          : `Sent back to routing. ${change.decision ? change.decision.summary : `The lead is now ${change.lead.status}`}.`,
      );
      setReason('');
      setTo(ROUTING);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="lead-reassign" className="card reassign">
      <h2 id="lead-reassign">Reassign</h2>
      {allowed ? (
        <form onSubmit={submit}>
          <div className="toolbar">
            <div>
              <label htmlFor="reassign-to">Give the lead to</label>
              <select id="reassign-to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value={ROUTING}>Back to routing, without the current owner</option>
                {choices.map((rep) => (
                  <option key={rep.id} value={rep.id}>
                    {rep.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="grow">
              <label htmlFor="reassign-reason">Reason (optional)</label>
              <input id="reassign-reason" type="text" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button type="submit" disabled={busy}>
              {busy ? 'Reassigning…' : 'Reassign'}
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">A lead that is {lead.status} cannot be reassigned.</p>
      )}
      <ErrorMessage error={error} />
      <Notice text={result} />
    </section>
  );
}
