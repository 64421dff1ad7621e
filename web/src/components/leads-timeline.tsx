import { getTimeline } from '../api/leads';
import { useSession } from '../session';
import { ErrorMessage } from './error-message';
import { formatInstant } from './format';
import { actorText, eventText, type NameOf } from './leads-words';
import { Pager, usePager } from './pager';
import { useApi } from './use-api';

/** A lead's timeline, oldest first, each event in words with who and when; `version` changes when the lead does. */
export function LeadTimeline({ leadId, version, nameOf }: { leadId: string; version: number; nameOf: NameOf }) {
  const session = useSession();
  const pager = usePager();
  const events = useApi(() => getTimeline(leadId, pager.cursor), [leadId, pager.cursor, version]);
  if (events.error) return <ErrorMessage error={events.error} />;
  if (!events.data) return <p role="status" className="loading">Loading the timeline…</p>;
  if (events.data.data.length === 0) return <p className="hint">Nothing has happened to this lead yet.</p>;
  return (
    <>
      <ol className="timeline" aria-label="Timeline events">
        {events.data.data.map((event, index) => {
          const actor = actorText(event, session.who.keyId);
          return (
            <li key={`${event.at}-${event.type}-${index}`} className={`event-${event.type}`}>
              <p className="event-text">{eventText(event, nameOf)}</p>
              <p className="event-meta">
                <time dateTime={event.at}>{formatInstant(event.at)}</time>
                {actor && <span> · by {actor}</span>}
              </p>
            </li>
          );
        })}
      </ol>
      <Pager pager={pager} nextCursor={events.data.nextCursor} label="Timeline" />
    </>
  );
}
