import { useId, useState } from 'react';
import { WEBHOOK_EVENTS, webhooks, type CreatedWebhook, type WebhookEvent, type WebhookFormat } from '../api/admin';
import { ConfirmAction } from '../components/admin-confirm';
import { SecretOnce } from '../components/admin-copy';
import { AdminDialog, FieldProblem, TextField } from '../components/admin-fields';
import { useAdminSubmit } from '../components/admin-submit';
import { AdminTable } from '../components/admin-table';
import { FormFooter } from '../components/form-footer';
import { formatInstant } from '../components/format';
import { LoadState } from '../components/load-state';
import { Notice } from '../components/notice';
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
      <Notice text={notice} />
      <LoadState loaded={list} what="webhooks" />
      {list.data && (
        <AdminTable
          caption="Webhook subscriptions"
          headers={['URL', 'Events', 'Format', 'Created', 'Actions']}
          empty="No webhook subscriptions."
          items={list.data.data}
          row={(hook) => (
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
          )}
        />
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
  const id = useId();
  const { error, busy, problems, submit } = useAdminSubmit(() => webhooks.create({ url: url.trim(), events, format }), onSaved);

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
      <FormFooter error={error} busy={busy} submitLabel="Create webhook" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
