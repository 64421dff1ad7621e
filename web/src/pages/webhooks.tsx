import { useId, useMemo, useState, type FormEvent } from 'react';
import { WEBHOOK_EVENTS, webhooks, type CreatedWebhook, type WebhookEvent, type WebhookFormat } from '../api/admin';
import { ConfirmAction } from '../components/admin-confirm';
import { SecretOnce } from '../components/admin-copy';
import { AdminDialog, FieldProblem, FieldProblems, TextField } from '../components/admin-fields';
import { ErrorMessage } from '../components/error-message';
import { formatInstant } from '../components/format';
import { Pager, usePager } from '../components/pager';
import { useApi } from '../components/use-api';
import './admin.css';

const EVENT_WORDS: Record<WebhookEvent, string> = {
  'lead.offered': 'a lead is offered to a rep',
  'lead.assigned': 'a lead is assigned',
  'lead.reassigned': 'a lead is reassigned',
  'lead.sla-breached': 'a first-contact deadline is missed',
  'lead.unroutable': 'nobody could take a lead',
  'lead.expired': 'an offer expired',
};

/** Webhook subscriptions (admin): URLs that receive signed lead events, as JSON or Slack messages. */
export default function WebhooksPage() {
  const pager = usePager();
  const list = useApi(() => webhooks.list(pager.cursor), [pager.cursor]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section>
      <div className="admin-section-head">
        <h1>Webhooks</h1>
        <button type="button" onClick={() => setCreating(true)}>
          New webhook
        </button>
      </div>
      <p className="hint">
        Each subscription receives the lead events it names as a POST, signed with its own secret (HMAC-SHA256 with a timestamp, see docs/webhooks.md),
        or as a Slack-compatible message.
      </p>
      {created && (
        <SecretOnce title="Signing secret of the new webhook" secret={created.secret} onDone={() => setCreated(null)}>
          <p>
            Deliveries to <code>{created.url}</code> are signed with this secret: set it in the receiver to verify them.
          </p>
        </SecretOnce>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={list.error} />
      {list.loading && !list.data && (
        <p className="loading" role="status">
          Loading webhooks…
        </p>
      )}
      {list.data && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Webhook subscriptions</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Format</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.length === 0 && (
                <tr>
                  <td colSpan={5}>No webhook subscriptions.</td>
                </tr>
              )}
              {list.data.data.map((hook) => (
                <tr key={hook.id}>
                  <th scope="row">
                    <code>{hook.url}</code>
                    {!hook.active && <span className="badge inactive">inactive</span>}
                  </th>
                  <td>{hook.events.length === 0 ? 'every event' : hook.events.join(', ')}</td>
                  <td>{hook.format === 'slack' ? 'Slack message' : 'signed JSON'}</td>
                  <td className="admin-nowrap">{formatInstant(hook.createdAt)}</td>
                  <td>
                    <ConfirmAction
                      label="Delete"
                      accessibleLabel={`Delete the webhook to ${hook.url}`}
                      question="Stop sending to this URL?"
                      confirmLabel="Yes, delete"
                      onConfirm={async () => {
                        await webhooks.remove(hook.id);
                        setNotice(`The webhook to ${hook.url} was deleted.`);
                        list.reload();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={list.data?.nextCursor} label="Webhooks" />

      {creating && (
        <AdminDialog title="New webhook" onClose={() => setCreating(false)}>
          <WebhookForm
            onCancel={() => setCreating(false)}
            onSaved={(hook) => {
              setCreating(false);
              setNotice(null);
              setCreated(hook);
              list.reload();
            }}
          />
        </AdminDialog>
      )}
    </section>
  );
}

function WebhookForm({ onSaved, onCancel }: { onSaved(hook: CreatedWebhook): void; onCancel(): void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [format, setFormat] = useState<WebhookFormat>('json');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => new FieldProblems(error), [error]);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await webhooks.create({ url: url.trim(), events, format }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <TextField label="URL" type="url" value={url} onChange={setUrl} required placeholder="https://hooks.example.com/leadrouter" autoComplete="off" problem={problems.of('url')} />
      <fieldset aria-describedby={`${id}-events-hint`}>
        <legend>Events</legend>
        <p id={`${id}-events-hint`} className="hint">
          None ticked: every event.
        </p>
        {WEBHOOK_EVENTS.map((name) => (
          <label className="checkbox" key={name} htmlFor={`${id}-${name}`}>
            <input
              id={`${id}-${name}`}
              type="checkbox"
              checked={events.includes(name)}
              onChange={(e) => setEvents((all) => (e.target.checked ? [...all, name] : all.filter((other) => other !== name)))}
            />
            <code>{name}</code> — when {EVENT_WORDS[name]}
          </label>
        ))}
        <FieldProblem id={`${id}-events`} label="Events" problem={problems.of('events')} />
      </fieldset>
      <fieldset>
        <legend>Format</legend>
        <label className="checkbox" htmlFor={`${id}-json`}>
          <input id={`${id}-json`} type="radio" name="format" value="json" checked={format === 'json'} onChange={() => setFormat('json')} /> Signed JSON (the lead
          and the event)
        </label>
        <label className="checkbox" htmlFor={`${id}-slack`}>
          <input id={`${id}-slack`} type="radio" name="format" value="slack" checked={format === 'slack'} onChange={() => setFormat('slack')} /> Slack message (for a
          Slack incoming-webhook URL)
        </label>
        <FieldProblem id={`${id}-format`} label="Format" problem={problems.of('format')} />
      </fieldset>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create webhook'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
