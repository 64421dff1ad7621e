import { useId, useState } from 'react';
import { reps, WEEKDAYS, type Presence, type RepInput, type RepRecord, type WeeklyHours } from '../api/admin';
import { AdminDialog, described, FieldProblem, optionalCount, splitList, TextField } from '../components/admin-fields';
import { useAdminSubmit } from '../components/admin-submit';
import { AdminTable } from '../components/admin-table';
import { FormFooter } from '../components/form-footer';
import { formatInstant } from '../components/format';
import { LoadState } from '../components/load-state';
import { Notice } from '../components/notice';
import { Pager, usePager } from '../components/pager';
import { useApi } from '../components/use-api';
import { useSession } from '../session';
import './admin.css';

/** Reps: who takes leads, when (presence, out of office, working hours in their own zone), and how many (caps). */
export default function RepsPage() {
  const session = useSession();
  const pager = usePager();
  const list = useApi(() => reps.list(pager.cursor), [pager.cursor]);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'availability'; rep: RepRecord } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const now = session.now();

  function done(message: string) {
    setDialog(null);
    setNotice(message);
    list.reload();
  }

  return (
    <section>
      <div className="admin-section-head">
        <h1>Reps</h1>
        <button type="button" onClick={() => setDialog({ kind: 'create' })}>
          New rep
        </button>
      </div>
      <p className="hint">
        Who can take leads now: active, present, not out of office and inside their working hours in their own time zone, below their open-lead cap
        and their daily cap.
      </p>
      <Notice text={notice} />
      <LoadState loaded={list} what="reps" />
      {list.data && (
        <AdminTable
          caption="Reps, their availability and their load"
          headers={['Rep', 'Availability', 'Working hours', 'Open leads', 'Today', 'Skills and languages', 'Actions']}
          empty="No reps yet."
          items={list.data.data}
          row={(rep) => (
            <tr key={rep.id}>
              <th scope="row">
                {rep.name}
                <div className="hint">
                  <code>{rep.id}</code>
                  {rep.email && <> · {rep.email}</>}
                </div>
              </th>
              <td>
                <AvailabilitySummary rep={rep} now={now} />
              </td>
              <td>
                <HoursSummary rep={rep} now={now} />
              </td>
              <td>
                <Load count={rep.openLeads} cap={rep.maxOpenLeads} noun="open" />
              </td>
              <td>
                <Load count={dailyCount(rep, now)} cap={rep.dailyCap} noun="today" />
              </td>
              <td>
                <div>{rep.skills.length > 0 ? rep.skills.join(', ') : <span className="admin-muted">no skills</span>}</div>
                <div className="hint">
                  {rep.languages.length > 0 ? `Speaks ${rep.languages.join(', ')}` : 'No languages'} · seniority {rep.seniority}
                </div>
              </td>
              <td>
                <div className="actions">
                  <button type="button" className="secondary" aria-label={`Edit ${rep.name}`} onClick={() => setDialog({ kind: 'edit', rep })}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Availability of ${rep.name}`}
                    onClick={() => setDialog({ kind: 'availability', rep })}
                  >
                    Availability
                  </button>
                </div>
              </td>
            </tr>
          )}
        />
      )}
      <Pager pager={pager} nextCursor={list.data?.nextCursor} label="Reps" />

      {dialog?.kind === 'create' && (
        <AdminDialog title="New rep" onClose={() => setDialog(null)}>
          <RepForm onSaved={(rep) => done(`${rep.name} was added.`)} onCancel={() => setDialog(null)} />
        </AdminDialog>
      )}
      {dialog?.kind === 'edit' && (
        <AdminDialog title={`Edit ${dialog.rep.name}`} onClose={() => setDialog(null)}>
          <RepForm rep={dialog.rep} onSaved={(rep) => done(`${rep.name} was saved.`)} onCancel={() => setDialog(null)} />
        </AdminDialog>
      )}
      {dialog?.kind === 'availability' && (
        <AdminDialog title={`Availability of ${dialog.rep.name}`} onClose={() => setDialog(null)}>
          <AvailabilityForm rep={dialog.rep} onSaved={(rep) => done(`${rep.name}'s availability was saved.`)} onCancel={() => setDialog(null)} />
        </AdminDialog>
      )}
    </section>
  );
}

function AvailabilitySummary({ rep, now }: { rep: RepRecord; now: number }) {
  const away = rep.outOfOffice;
  const from = away ? Date.parse(away.from) : NaN;
  const until = away ? Date.parse(away.until) : NaN;
  return (
    <div className="admin-tags">
      {!rep.active && <span className="badge inactive">inactive</span>}
      <span className={`badge ${rep.presence}`}>{rep.presence}</span>
      {away && now < until && (
        <span className="badge ooo">
          {now >= from ? `out of office until ${formatInstant(away.until)}` : `out of office ${formatInstant(away.from)} – ${formatInstant(away.until)}`}
        </span>
      )}
    </div>
  );
}

function Load({ count, cap, noun }: { count: number; cap: number | null | undefined; noun: string }) {
  if (cap === null || cap === undefined) {
    return (
      <span className="admin-nowrap">
        {count} {noun} <span className="admin-muted">(no cap)</span>
      </span>
    );
  }
  const full = count >= cap;
  return (
    <span className="admin-meter">
      <span className={full ? 'admin-load-full admin-nowrap' : 'admin-nowrap'}>
        {count} / {cap} {noun}
        {full && ' — at cap'}
      </span>
      <meter min={0} max={Math.max(cap, 1)} value={Math.min(count, Math.max(cap, 1))} aria-hidden="true" />
    </span>
  );
}

// ————— time in the rep's own zone —————

const DAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** The rep's local weekday (0 = Monday), minute of the day and date (YYYY-MM-DD), or null for an unknown zone. */
function localTime(zone: string, at: number): { weekday: number; minute: number; date: string } | null {
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(at)
        .map((part) => [part.type, part.value]),
    );
    return {
      weekday: DAY_INDEX[parts.weekday ?? ''] ?? 0,
      minute: Number(parts.hour) * 60 + Number(parts.minute),
      date: `${parts.year}-${parts.month}-${parts.day}`,
    };
  } catch {
    return null;
  }
}

/** Leads taken on the rep's current local day (the store keeps the count of the day it last counted). */
function dailyCount(rep: RepRecord, now: number): number {
  const local = localTime(rep.timezone, now);
  return rep.daily && local && rep.daily.date === local.date ? rep.daily.count : 0;
}

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `minute` of `weekday` falls in the hours; a span ending at or before its start runs past midnight. */
function isWorking(hours: WeeklyHours, weekday: number, minute: number): boolean {
  return WEEKDAYS.some((day, index) =>
    (hours[day] ?? []).some((span) => {
      const [from = '', to = ''] = span.split('-');
      const start = toMinute(from);
      const end = to === '24:00' ? 1440 : toMinute(to);
      if (end > start) return index === weekday && minute >= start && minute < end;
      return (index === weekday && minute >= start) || ((index + 1) % 7 === weekday && minute < end);
    }),
  );
}

const dayName = (index: number) => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));

/** `Mon–Fri 09:00–17:00; Sat 10:00–14:00`: days with the same spans together. */
function summariseHours(hours: WeeklyHours | null | undefined): string {
  if (!hours || WEEKDAYS.every((day) => (hours[day] ?? []).length === 0)) return 'Any time';
  const runs: { first: number; last: number; spans: string }[] = [];
  WEEKDAYS.forEach((day, index) => {
    const spans = (hours[day] ?? []).map((span) => span.replace('-', '–')).join(', ');
    if (!spans) return;
    const previous = runs.at(-1);
    if (previous && previous.spans === spans && previous.last === index - 1) previous.last = index;
    else runs.push({ first: index, last: index, spans });
  });
  return runs.map((run) => `${dayName(run.first)}${run.last > run.first ? `–${dayName(run.last)}` : ''} ${run.spans}`).join('; ');
}

/** `Tue 1:05 PM` in the rep's zone ('' for an unknown zone). */
function zoneClock(zone: string, at: number): string {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(at);
  } catch {
    return '';
  }
}

function HoursSummary({ rep, now }: { rep: RepRecord; now: number }) {
  const local = localTime(rep.timezone, now);
  const hasHours = !!rep.workingHours && WEEKDAYS.some((day) => (rep.workingHours?.[day] ?? []).length > 0);
  const clock = zoneClock(rep.timezone, now);
  const working = !hasHours || (local !== null && isWorking(rep.workingHours ?? {}, local.weekday, local.minute));
  return (
    <div>
      <div>{summariseHours(rep.workingHours)}</div>
      <div className="hint">
        {rep.timezone}
        {clock && ` · ${clock} there`}
      </div>
      <div className={working ? 'hint' : 'hint admin-muted'}>{working ? 'in working hours now' : 'outside working hours now'}</div>
    </div>
  );
}

// ————— create and edit —————

const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

function RepForm({ rep, onSaved, onCancel }: { rep?: RepRecord; onSaved(rep: RepRecord): void; onCancel(): void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState(rep?.name ?? '');
  const [email, setEmail] = useState(rep?.email ?? '');
  const [phone, setPhone] = useState(rep?.phone ?? '');
  const [timezone, setTimezone] = useState(rep?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [languages, setLanguages] = useState((rep?.languages ?? []).join(', '));
  const [skills, setSkills] = useState((rep?.skills ?? []).join(', '));
  const [seniority, setSeniority] = useState(String(rep?.seniority ?? 0));
  const [maxOpenLeads, setMaxOpenLeads] = useState(rep?.maxOpenLeads?.toString() ?? '');
  const [dailyCap, setDailyCap] = useState(rep?.dailyCap?.toString() ?? '');
  const [active, setActive] = useState(rep?.active ?? true);
  const [hours, setHours] = useState<Record<string, string>>(() =>
    Object.fromEntries(WEEKDAYS.map((day) => [day, (rep ? (rep.workingHours?.[day] ?? []) : ['mon', 'tue', 'wed', 'thu', 'fri'].includes(day) ? ['09:00-17:00'] : []).join(', ')])),
  );
  const zones = useId();
  const activeId = useId();
  const { error, busy, problems, submit } = useAdminSubmit(() => {
    const workingHours: WeeklyHours = {};
    for (const day of WEEKDAYS) {
      const spans = splitList(hours[day] ?? '');
      if (spans.length > 0) workingHours[day] = spans;
    }
    const body: RepInput = {
      name: name.trim(),
      email: email.trim() === '' ? null : email.trim(),
      phone: phone.trim() === '' ? null : phone.trim(),
      timezone: timezone.trim(),
      workingHours: Object.keys(workingHours).length > 0 ? workingHours : null,
      languages: splitList(languages),
      skills: splitList(skills),
      seniority: seniority.trim() === '' ? 0 : Number(seniority),
      maxOpenLeads: optionalCount(maxOpenLeads),
      dailyCap: optionalCount(dailyCap),
      active,
    };
    return rep ? reps.update(rep.id, body) : reps.create({ ...body, id: id.trim(), name: body.name ?? '' });
  }, onSaved);

  return (
    <form onSubmit={submit} noValidate>
      <div className="admin-grid">
        {!rep && <TextField label="Id" value={id} onChange={setId} required autoComplete="off" hint="Short and stable, e.g. maria; routing rules name reps by it." problem={problems.of('id')} />}
        <TextField label="Name" value={name} onChange={setName} required autoComplete="off" problem={problems.of('name')} />
        <TextField label="Email" type="email" value={email} onChange={setEmail} autoComplete="off" problem={problems.of('email')} />
        <TextField label="Phone" type="tel" value={phone} onChange={setPhone} autoComplete="off" problem={problems.of('phone')} />
        <TextField label="Time zone" value={timezone} onChange={setTimezone} list={zones} hint="IANA name, e.g. America/New_York" problem={problems.of('timezone')} />
        <TextField label="Seniority" type="number" min={0} step="any" value={seniority} onChange={setSeniority} problem={problems.of('seniority')} />
        <TextField label="Languages" value={languages} onChange={setLanguages} hint="Comma-separated codes, e.g. en, es" problem={problems.of('languages')} />
        <TextField label="Skills" value={skills} onChange={setSkills} hint="Comma-separated, e.g. health, auto" problem={problems.of('skills')} />
        <TextField label="Open-lead cap" type="number" min={0} step={1} value={maxOpenLeads} onChange={setMaxOpenLeads} hint="Empty: no cap" problem={problems.of('maxOpenLeads')} />
        <TextField label="Daily cap" type="number" min={0} step={1} value={dailyCap} onChange={setDailyCap} hint="Leads per local day; empty: no cap" problem={problems.of('dailyCap')} />
      </div>
      <datalist id={zones}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <label className="checkbox" htmlFor={activeId}>
        <input id={activeId} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Active (an inactive rep gets no leads)
      </label>
      <fieldset>
        <legend>Working hours, in the rep&apos;s time zone</legend>
        <p className="hint">Spans such as 09:00-17:00, comma-separated; an empty day is a day off. Every day empty: no working-hours limit.</p>
        <div className="admin-hours">
          {WEEKDAYS.map((day, index) => (
            <TextField
              key={day}
              label={new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index))}
              value={hours[day] ?? ''}
              onChange={(value) => setHours((all) => ({ ...all, [day]: value }))}
              placeholder="off"
              problem={problems.of(`workingHours.${day}`)}
            />
          ))}
        </div>
      </fieldset>
      <FormFooter error={error} busy={busy} submitLabel={rep ? 'Save rep' : 'Add rep'} onCancel={onCancel} />
    </form>
  );
}

/** An ISO instant as a datetime-local value in this browser's zone. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

function fromLocalInput(value: string): string {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
}

function AvailabilityForm({ rep, onSaved, onCancel }: { rep: RepRecord; onSaved(rep: RepRecord): void; onCancel(): void }) {
  const [presence, setPresence] = useState<Presence>(rep.presence);
  const [away, setAway] = useState(!!rep.outOfOffice);
  const [from, setFrom] = useState(toLocalInput(rep.outOfOffice?.from));
  const [until, setUntil] = useState(toLocalInput(rep.outOfOffice?.until));
  const presenceId = useId();
  const awayId = useId();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { error, busy, problems, submit } = useAdminSubmit(
    () => reps.setAvailability(rep.id, { presence, outOfOffice: away ? { from: fromLocalInput(from), until: fromLocalInput(until) } : null }),
    onSaved,
  );

  const presenceProblem = problems.of('presence');
  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor={presenceId}>Presence</label>
      <select {...described(presenceId, false, presenceProblem)} value={presence} onChange={(e) => setPresence(e.target.value as Presence)}>
        <option value="online">Online</option>
        <option value="away">Away</option>
        <option value="offline">Offline</option>
      </select>
      <FieldProblem id={presenceId} label="Presence" problem={presenceProblem} />
      <label className="checkbox" htmlFor={awayId}>
        <input id={awayId} type="checkbox" checked={away} onChange={(e) => setAway(e.target.checked)} /> Out of office for a while
      </label>
      {away && (
        <div className="admin-grid">
          <TextField label="Away from" type="datetime-local" value={from} onChange={setFrom} hint={`Your time (${zone})`} problem={problems.of('outOfOffice.from') ?? problems.of('outOfOffice')} />
          <TextField label="Back on" type="datetime-local" value={until} onChange={setUntil} hint={`Your time (${zone})`} problem={problems.of('outOfOffice.until')} />
        </div>
      )}
      <FormFooter error={error} busy={busy} submitLabel="Save availability" onCancel={onCancel} />
    </form>
  );
}
