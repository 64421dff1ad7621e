import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import {
  activateVersion,
  activeConfig,
  configImpact,
  configVersion,
  configVersions,
  IMPACT_DEFAULT_LEADS,
  IMPACT_MAX_LEADS,
  saveConfig,
  validateConfig,
  type ConfigError,
  type ConfigVersion,
  type Impact,
  type ImpactPlacement,
  type ImpactTarget,
} from '../api/routing';
import { ErrorMessage } from '../components/error-message';
import { formatInstant } from '../components/format';
import { Notice } from '../components/notice';
import { Pager, usePager } from '../components/pager';
import { ConfirmDialog } from '../components/routing-confirm';
import { RoutingDiff } from '../components/routing-diff';
import { RoutingEditor, type RoutingEditorHandle } from '../components/routing-editor';
import { TabPanel, Tabs } from '../components/tabs';
import { useApi } from '../components/use-api';
import { useSession } from '../session';
import './routing.css';

type Tab = 'editor' | 'changes' | 'impact' | 'history';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'editor', label: 'Editor' },
  { id: 'changes', label: 'Changes' },
  { id: 'impact', label: 'What would change' },
  { id: 'history', label: 'Version history' },
];
const TABS_ID = 'routing';
const NO_PROBLEMS: readonly ConfigError[] = [];
/** How long typing pauses before the draft is checked. */
const VALIDATE_AFTER_MS = 400;

/** The live configuration, or null while none is (a fresh install). */
async function liveOrNone(): Promise<ConfigVersion | null> {
  try {
    return await activeConfig();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function byLine(a: ConfigError, b: ConfigError): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** The routing configuration editor: the live version as YAML, checked as you type, compared, tried against recent leads, saved, activated, rolled back. */
export default function RoutingPage() {
  const [tab, setTab] = useState<Tab>('editor');
  const [liveRound, setLiveRound] = useState(0);
  const live = useApi(liveOrNone, [liveRound]);
  const [historyRound, setHistoryRound] = useState(0);
  const editor = useRef<RoutingEditorHandle>(null);

  /** The text the editor opened with: set once, when the live version first loads. */
  const [initialText, setInitialText] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const draftNow = useRef(draft);
  draftNow.current = draft;
  const liveText = live.data?.source ?? '';
  const previousLive = useRef<string | null>(null);

  useEffect(() => {
    if (live.data === undefined) return;
    const text = live.data?.source ?? '';
    if (previousLive.current === null) {
      setInitialText(text);
      setDraft(text);
    } else if (previousLive.current !== text && draftNow.current === previousLive.current) {
      // Another version went live (a rollback) while the draft was the live text: follow it.
      editor.current?.setText(text);
    }
    previousLive.current = text;
  }, [live.data]);

  // Checked as you type: the last answer for the text now in the editor wins; an older one is dropped.
  const [validation, setValidation] = useState<{ source: string; errors: readonly ConfigError[]; failure: unknown } | null>(null);
  useEffect(() => {
    if (initialText === null) return;
    let current = true;
    const timer = setTimeout(() => {
      if (!draft.trim()) {
        setValidation({ source: draft, errors: [{ path: '', message: 'the configuration is empty', line: 1, column: 1 }], failure: null });
        return;
      }
      validateConfig(draft).then(
        (result) => current && setValidation({ source: draft, errors: [...result.errors].sort(byLine), failure: null }),
        (failure: unknown) => {
          if (!current) return;
          if (failure instanceof ApiError && failure.problems.length > 0) setValidation({ source: draft, errors: failure.problems, failure: null });
          else setValidation({ source: draft, errors: NO_PROBLEMS, failure });
        },
      );
    }, VALIDATE_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, initialText]);
  const checking = initialText !== null && validation?.source !== draft;
  const problems = validation?.errors ?? NO_PROBLEMS;
  const knownInvalid = !checking && problems.length > 0;

  const changed = initialText !== null && draft !== liveText;

  const [pending, setPending] = useState<null | { kind: 'activate' } | { kind: 'rollback'; version: number }>(null);
  const [busy, setBusy] = useState(false);
  /** The last save's outcome; a refusal is shown while the text is still the one refused. */
  const [saveResult, setSaveResult] = useState<{ notice: string | null; error: unknown; source: string }>({ notice: null, error: null, source: '' });
  const [historyResult, setHistoryResult] = useState<{ notice: string | null; error: unknown }>({ notice: null, error: null });

  const refresh = useCallback(() => {
    setLiveRound((n) => n + 1);
    setHistoryRound((n) => n + 1);
  }, []);

  async function save(activate: boolean) {
    setPending(null);
    setBusy(true);
    setSaveResult({ notice: null, error: null, source: draft });
    try {
      const saved = await saveConfig(draft, activate);
      setSaveResult({
        notice: activate
          ? `Saved as version ${saved.version}, now live: new leads are routed by it.`
          : `Saved as version ${saved.version}. It is not live: activate it from the version history when ready.`,
        error: null,
        source: draft,
      });
      refresh();
    } catch (error) {
      setSaveResult({ notice: null, error, source: draft });
    } finally {
      setBusy(false);
    }
  }

  async function activate(version: number) {
    setPending(null);
    setBusy(true);
    setHistoryResult({ notice: null, error: null });
    const wasLive = live.data?.version ?? null;
    try {
      await activateVersion(version);
      setHistoryResult({
        notice: wasLive !== null && version < wasLive ? `Rolled back: version ${version} is live again.` : `Version ${version} is live.`,
        error: null,
      });
      refresh();
    } catch (error) {
      setHistoryResult({ notice: null, error });
    } finally {
      setBusy(false);
    }
  }

  const problemsId = useId();

  return (
    <section className="routing-page">
      <h1>Routing configuration</h1>
      {live.loading && live.data === undefined && <p role="status">Loading the live configuration…</p>}
      <ErrorMessage error={live.error} />
      {live.data !== undefined && (
        <p className="routing-live">
          {live.data ? (
            <>
              <span className="badge routing-live-badge">Live: version {live.data.version}</span> saved {formatInstant(live.data.createdAt)}
              {' by '}
              <KeyName id={live.data.createdBy} />
            </>
          ) : (
            'No configuration is live yet: leads are held until one is activated.'
          )}
        </p>
      )}

      {initialText !== null && (
        <>
          <Tabs<Tab> tabs={TABS} selected={tab} onSelect={setTab} label="Routing configuration" idPrefix={TABS_ID} />

          <TabPanel id="editor" idPrefix={TABS_ID} selected={tab === 'editor'}>
            <div className="toolbar routing-toolbar">
              <button type="button" className="secondary" disabled={busy || !changed} onClick={() => void save(false)}>
                Save
              </button>
              <button
                type="button"
                disabled={busy || !changed}
                onClick={() => (knownInvalid ? void save(true) : setPending({ kind: 'activate' }))}
              >
                Save &amp; activate
              </button>
              <button type="button" className="secondary" disabled={busy || !changed} onClick={() => editor.current?.setText(liveText)}>
                Discard changes
              </button>
              <span className="routing-state" role="status">
                {busy ? 'Saving…' : checking ? 'Checking…' : validation?.failure ? '' : problems.length === 0 ? 'No problems found.' : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found.`}
                {!changed && !busy ? ' No changes from the live version.' : ''}
              </span>
            </div>
            <Notice text={saveResult.notice} />
            <ErrorMessage error={saveResult.source === draft ? saveResult.error : null} />
            <ErrorMessage error={validation?.failure} />

            <RoutingEditor
              ref={editor}
              initialText={initialText}
              onChange={setDraft}
              problems={problems}
              label="Routing configuration (YAML)"
              describedBy={problemsId}
            />
            <p className="hint">
              YAML, as <code>docs/routing.md</code> describes it. Problems are underlined as you type; <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> lists them in the editor;{' '}
              <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves it.
            </p>

            <div id={problemsId}>
              {problems.length > 0 && (
                <section className="error routing-problems" aria-labelledby={`${problemsId}-title`}>
                  <h2 id={`${problemsId}-title`}>
                    {problems.length === 1 ? 'A problem' : `${problems.length} problems`} in this configuration
                  </h2>
                  <ul>
                    {problems.map((problem, index) => (
                      <li key={index}>
                        <button type="button" className="link" onClick={() => editor.current?.goTo(problem.line ?? 1, problem.column)}>
                          <code>{problem.path || '(whole document)'}</code>
                          {problem.line !== undefined && ` (line ${problem.line})`}: {problem.message}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          </TabPanel>

          <TabPanel id="changes" idPrefix={TABS_ID} selected={tab === 'changes'}>
            <h2>Changes from the live version</h2>
            {tab === 'changes' &&
              (changed ? (
                <RoutingDiff original={liveText} changed={draft} label={`The draft against live version ${live.data?.version ?? ''}`} />
              ) : (
                <p>The draft is the same as the live version{live.data ? ` (version ${live.data.version})` : ''}.</p>
              ))}
          </TabPanel>

          <TabPanel id="impact" idPrefix={TABS_ID} selected={tab === 'impact'}>
            <ImpactPanel draft={draft} shown={tab === 'impact'} />
          </TabPanel>

          <TabPanel id="history" idPrefix={TABS_ID} selected={tab === 'history'}>
            <HistoryPanel
              round={historyRound}
              busy={busy}
              result={historyResult}
              onActivate={(version) => setPending({ kind: 'rollback', version })}
              onOpen={(source) => {
                editor.current?.setText(source);
                setTab('editor');
              }}
            />
          </TabPanel>
        </>
      )}

      <ConfirmDialog
        open={pending?.kind === 'activate'}
        title="Save and activate?"
        confirmLabel="Save & activate"
        onConfirm={() => void save(true)}
        onCancel={() => setPending(null)}
      >
        <p>The draft is saved as a new version and goes live at once: every lead captured from now on is routed by it.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'rollback'}
        title={pending?.kind === 'rollback' ? `Make version ${pending.version} live?` : 'Make this version live?'}
        confirmLabel={pending?.kind === 'rollback' && live.data && pending.version < live.data.version ? 'Roll back' : 'Activate'}
        danger
        onConfirm={() => pending?.kind === 'rollback' && void activate(pending.version)}
        onCancel={() => setPending(null)}
      >
        <p>
          Every lead captured from now on is routed by version {pending?.kind === 'rollback' ? pending.version : ''}
          {live.data ? `, instead of version ${live.data.version}` : ''}. Leads already routed keep their owner.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** Who saved a version: the API key's id ("you" for the key signed in), or the set-up. */
function KeyName({ id }: { id: string | null }) {
  const session = useSession();
  if (id === null) return <>the set-up</>;
  if (id === session.who.keyId) return <>you</>;
  return (
    <>
      key <code>{id}</code>
    </>
  );
}

// —— What would change ————————————————————————————————————————————————

function targetText(target: ImpactTarget, team: string | null = null): string {
  if (target.type === 'rep') return team ? `${target.name} (team ${team})` : target.name;
  if (target.type === 'queue') return `queue ${target.name}`;
  return target.name;
}

function Placement({ placement }: { placement: ImpactPlacement }) {
  return (
    <>
      {placement.route ? <code>{placement.route}</code> : <span className="hint">no route</span>} → {targetText(placement.target, placement.team)}
    </>
  );
}

function Delta({ value }: { value: number }) {
  return <>{value > 0 ? `+${value}` : value === 0 ? '0' : `−${-value}`}</>;
}

function ImpactPanel({ draft, shown }: { draft: string; shown: boolean }) {
  const [last, setLast] = useState(String(IMPACT_DEFAULT_LEADS));
  const [state, setState] = useState<{ source: string; impact: Impact | null; error: unknown; loading: boolean } | null>(null);
  const ticket = useRef(0);
  const lastId = useId();

  const run = useCallback(
    (count: number) => {
      const mine = ++ticket.current;
      setState((previous) => ({ source: draft, impact: previous?.impact ?? null, error: null, loading: true }));
      configImpact(draft, count).then(
        (impact) => mine === ticket.current && setState({ source: draft, impact, error: null, loading: false }),
        (error: unknown) => mine === ticket.current && setState({ source: draft, impact: null, error, loading: false }),
      );
    },
    [draft],
  );

  const count = Number(last);
  const countValid = Number.isInteger(count) && count >= 1 && count <= IMPACT_MAX_LEADS;
  // Opening the tab compares the draft as it is now, once.
  const opened = useRef({ run, count, countValid, state, draft });
  opened.current = { run, count, countValid, state, draft };
  useEffect(() => {
    const now = opened.current;
    if (shown && now.countValid && now.state?.source !== now.draft) now.run(now.count);
  }, [shown]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (countValid) run(count);
  }

  const impact = state?.impact;
  const stale = state !== null && state.source !== draft;
  return (
    <>
      <h2>What would change</h2>
      <p className="hint">The most recent leads decided again — nothing is stored, nobody is told — once by the live configuration and once by the draft.</p>
      <form className="toolbar" onSubmit={submit} noValidate>
        <div>
          <label htmlFor={lastId}>Leads to decide again</label>
          <input
            id={lastId}
            type="number"
            inputMode="numeric"
            min={1}
            max={IMPACT_MAX_LEADS}
            value={last}
            onChange={(event) => setLast(event.target.value)}
            aria-invalid={!countValid}
            aria-describedby={countValid ? undefined : `${lastId}-problem`}
          />
          {!countValid && (
            <p className="routing-field-problem" id={`${lastId}-problem`}>
              A whole number from 1 to {IMPACT_MAX_LEADS}.
            </p>
          )}
        </div>
        <button type="submit" disabled={!countValid || state?.loading === true}>
          Compare with the live version
        </button>
      </form>
      {state?.loading && <p role="status">Deciding the leads again…</p>}
      <ErrorMessage error={state?.error} />
      {stale && !state.loading && <p className="hint">The draft changed since: compare again to see what it would change now.</p>}
      {impact && !state?.loading && <ImpactTables impact={impact} />}
    </>
  );
}

function ImpactTables({ impact }: { impact: Impact }) {
  return (
    <>
      <p className="routing-impact-summary" role="status">
        {impact.leads === 0
          ? 'There are no leads yet to decide again.'
          : `Of the last ${impact.leads} ${impact.leads === 1 ? 'lead' : 'leads'}, ${impact.changed} would be routed differently by the draft`}
        {impact.leads > 0 && (impact.liveVersion === null ? ' (no version is live now).' : ` than by live version ${impact.liveVersion}.`)}
      </p>

      <h3>Leads that would go elsewhere</h3>
      {impact.changes.length === 0 ? (
        <p>None: every lead would go where it goes now.</p>
      ) : (
        <>
          {impact.changes.length < impact.changed && (
            <p className="hint">
              The newest {impact.changes.length} of the {impact.changed}.
            </p>
          )}
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Leads the draft would route differently</caption>
              <thead>
                <tr>
                  <th scope="col">Lead</th>
                  <th scope="col">Captured</th>
                  <th scope="col">Now</th>
                  <th scope="col">With the draft</th>
                </tr>
              </thead>
              <tbody>
                {impact.changes.map((change) => (
                  <tr key={change.leadId}>
                    <th scope="row">
                      <Link to={`/leads/${encodeURIComponent(change.leadId)}`}>{change.name || change.leadId}</Link>
                    </th>
                    <td>{formatInstant(change.createdAt)}</td>
                    <td>
                      <Placement placement={change.live} />
                    </td>
                    <td>
                      <Placement placement={change.draft} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <div className="routing-impact-grid">
        <ImpactCounts
          title="Leads by route"
          caption="Leads by route, now and with the draft"
          rowHeader="Route"
          rows={impact.byRoute.map((row) => ({
            key: row.route ?? '(none)',
            label: row.route ? <code>{row.route}</code> : 'no route',
            live: row.live,
            draft: row.draft,
            delta: row.draft - row.live,
          }))}
        />
        <ImpactCounts
          title="Leads by destination"
          caption="Leads by rep, queue or hold, now and with the draft"
          rowHeader="Goes to"
          rows={impact.byTarget.map((row) => ({ key: `${row.target.type}:${row.target.id}`, label: targetText(row.target), live: row.live, draft: row.draft, delta: row.delta }))}
        />
      </div>
    </>
  );
}

/** Leads counted one way (by route, by destination): now, with the draft, and the difference. */
function ImpactCounts({
  title,
  caption,
  rowHeader,
  rows,
}: {
  title: string;
  caption: string;
  rowHeader: string;
  rows: { key: string; label: ReactNode; live: number; draft: number; delta: number }[];
}) {
  return (
    <div>
      <h3>{title}</h3>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              <th scope="col" className="num">Now</th>
              <th scope="col" className="num">With the draft</th>
              <th scope="col" className="num">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.live}</td>
                <td className="num">{row.draft}</td>
                <td className="num">
                  <Delta value={row.delta} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// —— Version history ————————————————————————————————————————————————————

interface HistoryProps {
  round: number;
  busy: boolean;
  result: { notice: string | null; error: unknown };
  onActivate(version: number): void;
  onOpen(source: string): void;
}

function HistoryPanel({ round, busy, result, onActivate, onOpen }: HistoryProps) {
  const pager = usePager();
  const versions = useApi(() => configVersions(pager.cursor), [pager.cursor, round]);
  const [viewing, setViewing] = useState<number | null>(null);
  const liveVersion = versions.data?.data.find((v) => v.active)?.version;
  return (
    <>
      <h2>Version history</h2>
      <Notice text={result.notice} />
      <ErrorMessage error={result.error} />
      {versions.loading && <p role="status">Loading the versions…</p>}
      <ErrorMessage error={versions.error} />
      {versions.data && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Saved versions of the routing configuration, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.data.data.map((version) => (
                <tr key={version.version} className={version.active ? 'picked' : undefined}>
                  <th scope="row">Version {version.version}</th>
                  <td>{formatInstant(version.createdAt)}</td>
                  <td>
                    <KeyName id={version.createdBy} />
                  </td>
                  <td>{version.active ? <span className="badge routing-live-badge">Live</span> : 'Saved'}</td>
                  <td>
                    <div className="routing-row-actions">
                      <button type="button" className="secondary" onClick={() => setViewing(version.version)}>
                        View<span className="visually-hidden"> version {version.version}</span>
                      </button>
                      {!version.active && (
                        <button type="button" className="secondary" disabled={busy} onClick={() => onActivate(version.version)}>
                          {liveVersion !== undefined && version.version > liveVersion ? 'Activate this version' : 'Roll back to this version'}
                          <span className="visually-hidden"> (version {version.version})</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={versions.data?.nextCursor} label="Versions" />
      {viewing !== null && (
        <VersionDialog
          version={viewing}
          busy={busy}
          onClose={() => setViewing(null)}
          rollback={liveVersion === undefined || viewing < liveVersion}
          onActivate={(n) => {
            setViewing(null);
            onActivate(n);
          }}
          onOpen={(source) => {
            setViewing(null);
            onOpen(source);
          }}
        />
      )}
    </>
  );
}

function VersionDialog({
  version,
  busy,
  rollback,
  onClose,
  onActivate,
  onOpen,
}: {
  version: number;
  busy: boolean;
  rollback: boolean;
  onClose(): void; onActivate(n: number): void; onOpen(source: string): void }) {
  const loaded = useApi(() => configVersion(version), [version]);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const data = loaded.data;
  return (
    <dialog
      ref={dialog}
      className="routing-version-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Version {version}</h2>
      {loaded.loading && <p role="status">Loading…</p>}
      <ErrorMessage error={loaded.error} />
      {data && (
        <>
          <p className="hint">
            Saved {formatInstant(data.createdAt)} by <KeyName id={data.createdBy} />
            {data.active ? ' — live now.' : '.'}
          </p>
          <pre className="routing-source" tabIndex={0} aria-label={`Source of version ${version}`}>
            {data.source}
          </pre>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
        {data?.source !== undefined && (
          <button type="button" className="secondary" onClick={() => onOpen(data.source!)}>
            Open in the editor
          </button>
        )}
        {data && !data.active && (
          <button type="button" disabled={busy} onClick={() => onActivate(version)}>
            {rollback ? 'Roll back to this version' : 'Activate this version'}
          </button>
        )}
      </div>
    </dialog>
  );
}
