import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { LeadView } from '../api/leads';
import type { LeadStatus } from '../api/types';
import { formatDuration, formatInstant } from './format';
import { leadName } from './leads-words';
import { useServerNow } from './use-server-now';

/** A lead's status as a coloured badge (the word is the information; the colour only repeats it). */
export function StatusBadge({ status }: { status: LeadStatus | string }) {
  return <span className={`badge ${status}`}>{status}</span>;
}

/** A link to the lead page, named by the lead's name, shown as text whatever it holds. */
export function LeadLink({ lead }: { lead: Pick<LeadView, 'id' | 'firstName' | 'lastName' | 'email' | 'company' | 'phone'> }) {
  return <Link to={`/leads/${encodeURIComponent(lead.id)}`}>{leadName(lead)}</Link>;
}

/** An instant as a `<time>` in the viewer's locale. */
export function Instant({ at }: { at: string | null | undefined }) {
  return at ? <time dateTime={at}>{formatInstant(at)}</time> : <>—</>;
}

/** How long ago, by the server's clock, refreshed every 15 seconds: "12 min 05 s". */
export function Since({ at }: { at: string }) {
  const now = useServerNow(15_000);
  return (
    <time dateTime={at} title={formatInstant(at)}>
      {formatDuration(Math.max(0, now - Date.parse(at)))}
    </time>
  );
}

/** Pages of a list the browser holds in full (sorted by deadline, which the API cannot page by). */
export function useLocalPage<T>(items: readonly T[], size: number) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages, setPage };
}

export function LocalPager({ state, label }: { state: ReturnType<typeof useLocalPage>; label: string }) {
  if (state.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={() => state.setPage(state.page - 1)} disabled={state.page === 1}>
        Previous
      </button>
      <span>
        Page {state.page} of {state.pages}
      </span>
      <button type="button" onClick={() => state.setPage(state.page + 1)} disabled={state.page === state.pages}>
        Next
      </button>
    </nav>
  );
}
