import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { CHANNELS, PRESENCES, readProfile, saveProfile, type Channel, type Presence, type Profile, type ProfilePatch } from '../api/profile';
import { ErrorMessage } from '../components/error-message';
import { formatInstant } from '../components/format';
import { LoadState } from '../components/load-state';
import { incompleteSpans, weekDraft, workingHours, WorkingHoursEditor, type WeekDraft } from '../components/profile-working-hours';
import { useApi } from '../components/use-api';
import { useSession } from '../session';
import './profile.css';

/** A rep's own profile (a rep key): presence at once; name, phone, time zone, hours, languages, skills, channels, out of office on Save. */
export default function ProfilePage() {
  const loaded = useApi(readProfile, []);
  const [profile, setProfile] = useState<Profile>();
  const { showRep } = useSession();
  useEffect(() => {
    if (loaded.data) setProfile(loaded.data);
  }, [loaded.data]);
  const saved = (answer: Profile) => {
    setProfile(answer);
    showRep(answer);
  };

  return (
    <section className="profile">
      <h1>Your profile</h1>
      <LoadState loaded={loaded} what="your profile" />
      {profile && (
        <>
          <PresenceForm profile={profile} onSaved={saved} />
          <ProfileForm key={profile.id} profile={profile} onSaved={saved} />
          <ManagersPart profile={profile} />
        </>
      )}
    </section>
  );
}

const PRESENCE_TEXT: Record<Presence, { label: string; hint: string }> = {
  online: { label: 'Online', hint: 'taking leads' },
  away: { label: 'Away', hint: 'routes that need you online pass you by' },
  offline: { label: 'Offline', hint: 'routes that need you online pass you by' },
};

/** Presence is a toggle: a choice shows at once and is saved at once; a refusal puts the saved one back. */
function PresenceForm({ profile, onSaved }: { profile: Profile; onSaved: (profile: Profile) => void }) {
  const [shown, setShown] = useState<Presence>(profile.presence);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  const latest = useRef(0);
  useEffect(() => setShown(profile.presence), [profile.presence]);

  async function choose(presence: Presence) {
    const ticket = ++latest.current;
    setShown(presence);
    setBusy(true);
    setError(null);
    setSaid('');
    try {
      const saved = await saveProfile({ presence });
      if (ticket !== latest.current) return;
      onSaved(saved);
      setSaid(`You are now ${PRESENCE_TEXT[saved.presence].label.toLowerCase()}.`);
    } catch (failure) {
      if (ticket !== latest.current) return;
      setShown(profile.presence);
      setError(failure);
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Presence</h2>
      <fieldset className="profile-presence" aria-busy={busy}>
        <legend>Your presence, saved as soon as you choose</legend>
        {PRESENCES.map((presence) => (
          <label key={presence} className="checkbox">
            <input type="radio" name="presence" value={presence} checked={shown === presence} onChange={() => void choose(presence)} />
            {PRESENCE_TEXT[presence].label}
            <span className="hint">— {PRESENCE_TEXT[presence].hint}</span>
          </label>
        ))}
      </fieldset>
      <div role="status">{said && <p className="notice">{said}</p>}</div>
      <ErrorMessage error={error} />
    </section>
  );
}

/** Every IANA zone the browser knows, grouped by area, with the rep's own even if it does not. */
function useTimeZones(current: string): Map<string, string[]> {
  return useMemo(() => {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    if (current) zones.add(current);
    const groups = new Map<string, string[]>();
    for (const zone of [...zones].sort()) {
      const area = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other';
      groups.set(area, [...(groups.get(area) ?? []), zone]);
    }
    return groups;
  }, [current]);
}

/** An instant as a `datetime-local` value in this browser's time zone, and back. */
function localInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
const instant = (local: string) => new Date(local).toISOString();

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

interface Draft {
  name: string;
  phone: string;
  timezone: string;
  keepsHours: boolean;
  hours: WeekDraft;
  languages: string;
  skills: string;
  defaultChannels: boolean;
  channels: Channel[];
  oooFrom: string;
  oooUntil: string;
}

function draftOf(profile: Profile): Draft {
  return {
    name: profile.name,
    phone: profile.phone ?? '',
    timezone: profile.timezone,
    keepsHours: profile.workingHours !== null && profile.workingHours !== undefined,
    hours: weekDraft(profile.workingHours),
    languages: profile.languages.join(', '),
    skills: profile.skills.join(', '),
    defaultChannels: profile.channels === null || profile.channels === undefined,
    channels: profile.channels ?? [],
    oooFrom: localInput(profile.outOfOffice?.from),
    oooUntil: localInput(profile.outOfOffice?.until),
  };
}

/** The problems found before asking the server, at the paths the server would use. */
function localProblems(draft: Draft): { path: string; message: string }[] {
  const problems = draft.keepsHours ? incompleteSpans(draft.hours) : [];
  if ((draft.oooFrom === '') !== (draft.oooUntil === '')) {
    problems.push({ path: draft.oooFrom ? 'outOfOffice.until' : 'outOfOffice.from', message: 'give both the start and the end of your time out of office, or neither' });
  }
  return problems;
}

function patchOf(draft: Draft): ProfilePatch {
  return {
    name: draft.name.trim(),
    phone: draft.phone.trim() || null,
    timezone: draft.timezone,
    workingHours: draft.keepsHours ? workingHours(draft.hours) : null,
    languages: list(draft.languages),
    skills: list(draft.skills),
    channels: draft.defaultChannels ? null : draft.channels,
    outOfOffice: draft.oooFrom && draft.oooUntil ? { from: instant(draft.oooFrom), until: instant(draft.oooUntil) } : null,
  };
}

const CHANNEL_NAMES: Record<Channel, string> = { email: 'Email', sms: 'SMS (text message)' };

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: (profile: Profile) => void }) {
  const [draft, setDraft] = useState(() => draftOf(profile));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const zones = useTimeZones(draft.timezone);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const update = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  /** The server's message for a field (paths come as `body.timezone`, `body.workingHours.mon[0]`). */
  const problems = error instanceof ApiError ? error.problems : [];
  const invalid = (path: string) => {
    const found = problems.filter((p) => p.path.replace(/^body\.?/, '') === path || p.path.replace(/^body\.?/, '').startsWith(`${path}.`) || p.path.replace(/^body\.?/, '').startsWith(`${path}[`));
    return found.length ? found.map((p) => p.message).join('; ') : undefined;
  };
  /** An input's id, and its hint and its problem, if any, as its description. */
  const field = (id: string, path: string, hint?: string) => {
    const problem = invalid(path);
    const describedBy = [hint, problem && `${id}-error`].filter(Boolean).join(' ');
    return { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy || undefined };
  };
  const fieldError = (id: string, path: string) => {
    const problem = invalid(path);
    return problem ? (
      <p id={`${id}-error`} className="field-error">
        {problem}
      </p>
    ) : null;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const found = localProblems(draft);
    if (found.length > 0) {
      setError(new ApiError(400, 'invalid_request', found.length === 1 ? 'Your profile has a problem' : `Your profile has ${found.length} problems`, found));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await saveProfile(patchOf(draft));
      onSaved(answer);
      setDraft(draftOf(answer));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card profile-form" onSubmit={submit} noValidate aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <fieldset disabled={busy}>
        <legend className="visually-hidden">Details</legend>
        <label htmlFor="profile-name">Name</label>
        <input {...field('profile-name', 'name')} required autoComplete="name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        {fieldError('profile-name', 'name')}

        <label htmlFor="profile-phone">Phone</label>
        <input {...field('profile-phone', 'phone')} type="tel" autoComplete="tel" value={draft.phone} onChange={(e) => update({ phone: e.target.value })} />
        {fieldError('profile-phone', 'phone')}

        <label htmlFor="profile-timezone">Time zone</label>
        <select {...field('profile-timezone', 'timezone', 'profile-timezone-hint')} value={draft.timezone} onChange={(e) => update({ timezone: e.target.value })}>
          {[...zones].map(([area, names]) => (
            <optgroup key={area} label={area}>
              {names.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id="profile-timezone-hint" className="hint">
          Your working hours are read in this time zone.
        </p>
        {fieldError('profile-timezone', 'timezone')}

        <label htmlFor="profile-languages">Languages</label>
        <input {...field('profile-languages', 'languages', 'profile-languages-hint')} value={draft.languages} onChange={(e) => update({ languages: e.target.value })} />
        <p id="profile-languages-hint" className="hint">
          Language codes, separated by commas: en, es, de.
        </p>
        {fieldError('profile-languages', 'languages')}

        <label htmlFor="profile-skills">Skills</label>
        <input {...field('profile-skills', 'skills', 'profile-skills-hint')} value={draft.skills} onChange={(e) => update({ skills: e.target.value })} />
        <p id="profile-skills-hint" className="hint">
          Separated by commas: health, auto, home.
        </p>
        {fieldError('profile-skills', 'skills')}
      </fieldset>

      <fieldset disabled={busy} className="profile-group">
        <legend>New leads are sent to me by</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.defaultChannels} onChange={(e) => update({ defaultChannels: e.target.checked })} />
          The channels my organisation chose
        </label>
        {CHANNELS.map((channel) => (
          <label key={channel} className="checkbox">
            <input
              type="checkbox"
              disabled={draft.defaultChannels}
              checked={!draft.defaultChannels && draft.channels.includes(channel)}
              onChange={(e) => update({ channels: e.target.checked ? [...draft.channels, channel] : draft.channels.filter((c) => c !== channel) })}
            />
            {CHANNEL_NAMES[channel]}
          </label>
        ))}
        {!draft.defaultChannels && draft.channels.length === 0 && <p className="hint">No channel chosen: you see new leads only in the console.</p>}
        {fieldError('profile-channels', 'channels')}
      </fieldset>

      <fieldset disabled={busy} className="profile-group">
        <legend>Working hours</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.keepsHours} onChange={(e) => update({ keepsHours: e.target.checked })} />I keep working hours (without them,
          you can be offered leads at any time)
        </label>
        {draft.keepsHours && (
          <>
            <p className="hint">In your time zone ({draft.timezone}). Hours that end before they start run past midnight.</p>
            <WorkingHoursEditor draft={draft.hours} onChange={(hours) => update({ hours })} invalid={invalid} disabled={busy} />
          </>
        )}
        {fieldError('profile-hours', 'workingHours')}
      </fieldset>

      <fieldset disabled={busy} className="profile-group">
        <legend>Out of office</legend>
        <p className="hint">
          No leads reach you between these times (in this browser’s time zone, {browserZone}).
          {profile.outOfOffice && ` Now set: ${formatInstant(profile.outOfOffice.from)} to ${formatInstant(profile.outOfOffice.until)}.`}
        </p>
        <div className="profile-range">
          <div>
            <label htmlFor="ooo-from">Out of office from</label>
            <input {...field('ooo-from', 'outOfOffice.from')} type="datetime-local" value={draft.oooFrom} onChange={(e) => update({ oooFrom: e.target.value })} />
            {fieldError('ooo-from', 'outOfOffice.from')}
          </div>
          <div>
            <label htmlFor="ooo-until">Out of office until</label>
            <input {...field('ooo-until', 'outOfOffice.until')} type="datetime-local" value={draft.oooUntil} onChange={(e) => update({ oooUntil: e.target.value })} />
            {fieldError('ooo-until', 'outOfOffice.until')}
          </div>
        </div>
        {(draft.oooFrom || draft.oooUntil) && (
          <button type="button" className="link" onClick={() => update({ oooFrom: '', oooUntil: '' })}>
            Clear the out-of-office dates
          </button>
        )}
      </fieldset>

      <ErrorMessage error={error} />
      <div role="status">{saved && <p className="notice">Your profile is saved.</p>}</div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save profile'}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => {
            setDraft(draftOf(profile));
            setError(null);
            setSaved(false);
          }}
        >
          Undo changes
        </button>
      </div>
    </form>
  );
}

/** What only a manager changes, shown so the rep knows it. */
function ManagersPart({ profile }: { profile: Profile }) {
  const rows: [string, string][] = [
    ['Email', profile.email ?? '—'],
    ['Active', profile.active ? 'Yes' : 'No'],
    ['Seniority', String(profile.seniority ?? 0)],
    ['Most open leads at once', profile.maxOpenLeads === null || profile.maxOpenLeads === undefined ? 'No limit' : String(profile.maxOpenLeads)],
    ['New leads a day', profile.dailyCap === null || profile.dailyCap === undefined ? 'No limit' : String(profile.dailyCap)],
    ['Open leads now', String(profile.openLeads ?? 0)],
  ];
  return (
    <section className="card" aria-labelledby="managers-heading">
      <h2 id="managers-heading">Set by your manager</h2>
      <dl className="profile-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
