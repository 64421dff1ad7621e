import { useEffect, useState } from 'react';
import { useSession } from '../session';
import { formatDuration } from './format';

/** A countdown to a deadline by the server's clock, ticking every second; "overdue" once past. */
export function TimeLeft({ until, label }: { until: string; label: string }) {
  const session = useSession();
  const [now, setNow] = useState(() => session.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(session.now()), 1000);
    return () => clearInterval(timer);
  }, [session]);
  const left = Date.parse(until) - now;
  return (
    <span className={left <= 0 ? 'time-left overdue' : left < 60_000 ? 'time-left urgent' : 'time-left'}>
      {left <= 0 ? `${label}: overdue by ${formatDuration(left)}` : `${label}: ${formatDuration(left)} left`}
    </span>
  );
}
