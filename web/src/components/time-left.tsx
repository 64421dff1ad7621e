import { formatDuration } from './format';
import { useServerNow } from './use-server-now';

/** A countdown to a deadline by the server's clock, ticking every second; "overdue" once past. */
export function TimeLeft({ until, label }: { until: string; label: string }) {
  const now = useServerNow(1000);
  const left = Date.parse(until) - now;
  return (
    <span className={left <= 0 ? 'time-left overdue' : left < 60_000 ? 'time-left urgent' : 'time-left'}>
      {left <= 0 ? `${label}: overdue by ${formatDuration(left)}` : `${label}: ${formatDuration(left)} left`}
    </span>
  );
}
