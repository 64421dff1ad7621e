import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { leadName, pullNext, type InboxLead } from '../api/inbox';
import { listQueues } from '../api/queues';
import { ErrorMessage } from './error-message';
import { formatDuration } from './format';
import { LoadState } from './load-state';
import { Pager, usePager } from './pager';
import { useApi } from './use-api';

type Outcome = { queue: string; lead: InboxLead | null } | null;

/** The pull queues with their depth and oldest lead (read again every 30 s), and a "Pull next" for each: the lead pulled is the rep's at once. */
export function InboxQueues({ onPulled }: { onPulled: (lead: InboxLead) => void }) {
  const pager = usePager();
  const queues = useApi(() => listQueues(), [pager.cursor]);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [error, setError] = useState<unknown>(null);
  // Queued leads are no rep's, so no live event tells of them: the depths are read again now and then.
  const { reload } = queues;
  useEffect(() => {
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload]);

  async function pull(queue: string) {
    setBusy(queue);
    setError(null);
    setOutcome(null);
    try {
      const lead = await pullNext(queue);
      setOutcome({ queue, lead: lead ?? null });
      if (lead) onPulled(lead);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 409
          ? new Error(`You cannot pull from ${queue} now: ${failure.message.replace(/^rep "[^"]*" cannot pull from [^ ]+ now: /, '')}.`)
          : failure,
      );
    } finally {
      setBusy(null);
      queues.reload();
    }
  }

  // Only the queues this rep pulls from: the others would only ever refuse them.
  const list = (queues.data?.data ?? []).filter((queue) => queue.mayPull !== false);
  return (
    <section aria-labelledby="queues-heading">
      <h2 id="queues-heading">Pull the next lead</h2>
      <p className="hint">Leads waiting in a queue go to whoever pulls them first: the best-scored, then the oldest.</p>
      <div role="status" aria-live="polite">
        {outcome?.lead && (
          <p className="notice">
            From {outcome.queue} you got <Link to={`/leads/${encodeURIComponent(outcome.lead.id)}`}>{leadName(outcome.lead)}</Link>. It is yours now, in your
            open leads.
          </p>
        )}
        {outcome && !outcome.lead && <p className="notice inbox-empty">The {outcome.queue} queue is empty: there is no lead to pull right now.</p>}
      </div>
      <ErrorMessage error={error} />
      <LoadState loaded={queues} what="the queues" />
      {queues.data && list.length === 0 && <p className="hint">There are no queues to pull from.</p>}
      {list.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table aria-labelledby="queues-heading">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col" className="num">
                  Waiting
                </th>
                <th scope="col">Oldest waiting for</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((queue) => (
                <tr key={queue.key}>
                  <th scope="row">{queue.key}</th>
                  <td className="num">{queue.depth}</td>
                  <td>{queue.oldestAgeSeconds === null ? '—' : formatDuration(queue.oldestAgeSeconds * 1000)}</td>
                  <td>
                    <button type="button" onClick={() => void pull(queue.key)} disabled={busy !== null}>
                      {busy === queue.key ? 'Pulling…' : 'Pull next'}
                      <span className="visually-hidden"> from {queue.key}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={queues.data?.nextCursor} label="Queues" />
      <div className="actions">
        <button type="button" className="secondary" onClick={queues.reload}>
          Refresh the queues
        </button>
      </div>
    </section>
  );
}
