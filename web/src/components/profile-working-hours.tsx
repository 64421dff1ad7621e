import { WEEKDAYS, type Weekday, type WorkingHours } from '../api/profile';

export interface Span {
  start: string;
  end: string;
}

export type WeekDraft = Record<Weekday, Span[]>;

export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** `{ mon: ['09:00-17:00'] }` as the editor holds it; a span ending at 24:00 shows as ending at 00:00 (the same moment). */
export function weekDraft(hours: WorkingHours | null | undefined): WeekDraft {
  const draft = {} as WeekDraft;
  for (const day of WEEKDAYS) {
    draft[day] = (hours?.[day] ?? []).map((span) => {
      const [start = '', end = ''] = span.split('-');
      return { start, end: end === '24:00' ? '00:00' : end };
    });
  }
  return draft;
}

/** The editor's spans as the API takes them; days without spans are days off. */
export function workingHours(draft: WeekDraft): WorkingHours {
  const hours: WorkingHours = {};
  for (const day of WEEKDAYS) if (draft[day].length > 0) hours[day] = draft[day].map((span) => `${span.start}-${span.end}`);
  return hours;
}

/** Spans with a time missing, as field problems at the API's paths. */
export function incompleteSpans(draft: WeekDraft): { path: string; message: string }[] {
  return WEEKDAYS.flatMap((day) =>
    draft[day].flatMap((span, index) =>
      span.start && span.end ? [] : [{ path: `workingHours.${day}[${index}]`, message: `${DAY_NAMES[day]}: give both the start and the end of these hours` }],
    ),
  );
}

/** Working hours per weekday, in the rep's own time zone: any number of spans a day; an end before the start runs past midnight. */
export function WorkingHoursEditor({
  draft,
  onChange,
  invalid,
  disabled,
}: {
  draft: WeekDraft;
  onChange: (draft: WeekDraft) => void;
  /** Field paths the server refused (`workingHours.mon[0]`). */
  invalid: (path: string) => string | undefined;
  disabled: boolean;
}) {
  const set = (day: Weekday, spans: Span[]) => onChange({ ...draft, [day]: spans });
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="profile-hours" aria-label="Working hours">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day) => {
            const name = DAY_NAMES[day];
            const spans = draft[day];
            return (
              <tr key={day}>
                <th scope="row">{name}</th>
                <td>
                  {spans.length === 0 && <span className="hint profile-day-off">Day off</span>}
                  <ul className="profile-spans">
                    {spans.map((span, index) => {
                      const path = `workingHours.${day}[${index}]`;
                      const problem = invalid(path);
                      const id = `hours-${day}-${index}`;
                      const label = spans.length > 1 ? `${name} (${index + 1})` : name;
                      const edge = (field: keyof Span, word: string) => (
                        <SpanEdge
                          id={`${id}-${field}`}
                          label={label}
                          word={word}
                          value={span[field]}
                          disabled={disabled}
                          problemId={problem ? `${id}-error` : undefined}
                          onChange={(value) => set(day, spans.map((s, i) => (i === index ? { ...s, [field]: value } : s)))}
                        />
                      );
                      return (
                        <li key={index}>
                          {edge('start', 'from')}
                          {edge('end', 'to')}
                          <button type="button" className="link" disabled={disabled} onClick={() => set(day, spans.filter((_, i) => i !== index))}>
                            Remove<span className="visually-hidden"> {label} hours</span>
                          </button>
                          {problem && (
                            <p id={`${id}-error`} className="field-error">
                              {problem}
                            </p>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                  <button
                    type="button"
                    className="secondary profile-add"
                    disabled={disabled}
                    onClick={() => set(day, [...spans, spans.length === 0 ? { start: '09:00', end: '17:00' } : { start: '', end: '' }])}
                  >
                    Add hours<span className="visually-hidden"> on {name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One end of a span ("from" or "to"), named for screen readers by its day and, on a day with several spans, which one. */
function SpanEdge({
  id,
  label,
  word,
  value,
  disabled,
  problemId,
  onChange,
}: {
  id: string;
  label: string;
  word: string;
  value: string;
  disabled: boolean;
  /** The span's problem, when the server refused it. */
  problemId: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="profile-inline">
        <span className="visually-hidden">{label} </span>
        {word}
      </label>
      <input
        id={id}
        type="time"
        value={value}
        disabled={disabled}
        aria-invalid={problemId ? true : undefined}
        aria-describedby={problemId}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}
