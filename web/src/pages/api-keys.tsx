import { useId, useMemo, useState } from 'react';
import { apiKeys, reps, type CreatedApiKey } from '../api/admin';
import type { Role } from '../api/types';
import { ConfirmAction } from '../components/admin-confirm';
import { SecretOnce } from '../components/admin-copy';
import { AdminDialog, described, FieldProblem, TextField } from '../components/admin-fields';
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

const ROLE_WORDS: Record<Role, string> = {
  admin: 'Admin — everything, including API keys and webhooks',
  manager: 'Manager — people, teams, routing, leads and reports',
  rep: 'Rep — their own profile and their own leads',
  capture: 'Capture — create leads only (for a website or an integration)',
};

/** API keys (admin): who may use the API and the console, with which role; a secret is shown once, on creation. */
export default function ApiKeysPage() {
  const session = useSession();
  const pager = usePager();
  const list = useApi(() => apiKeys.list(pager.cursor), [pager.cursor]);
  const people = useApi(() => reps.all(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = useMemo(() => new Map((people.data ?? []).map((rep) => [rep.id, rep.name])), [people.data]);

  return (
    <section>
      <div className="admin-section-head">
        <h1>API keys</h1>
        <button type="button" onClick={() => setCreating(true)}>
          New API key
        </button>
      </div>
      <p className="hint">Keys sign in to the console and call the API. The server keeps only a hash of each: a secret is shown once, when it is created.</p>
      {created && (
        <SecretOnce title={`Secret of the new key "${created.name}"`} secret={created.key} onDone={() => setCreated(null)}>
          <p>
            A {created.role} key{created.repId && <> acting as {names.get(created.repId) ?? created.repId}</>}. Send it as{' '}
            <code>Authorization: Bearer &lt;key&gt;</code>, or sign in to the console with it.
          </p>
        </SecretOnce>
      )}
      <Notice text={notice} />
      <LoadState loaded={list} what="API keys" />
      {list.data && (
        <AdminTable
          caption="API keys"
          headers={['Name', 'Role', 'Starts with', 'Rep', 'Created', 'Last used', 'Actions']}
          empty="No API keys."
          items={list.data.data}
          row={(key) => {
            const mine = key.id === session.who.keyId;
            return (
              <tr key={key.id} className={key.revokedAt ? 'excluded' : undefined}>
                <th scope="row">
                  {key.name}
                  {mine && <span className="hint"> (the key you signed in with)</span>}
                </th>
                <td>{key.role}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.repId ? (names.get(key.repId) ?? key.repId) : <span className="admin-muted">—</span>}</td>
                <td className="admin-nowrap">{formatInstant(key.createdAt)}</td>
                <td className="admin-nowrap">{key.lastUsedAt ? formatInstant(key.lastUsedAt) : <span className="admin-muted">never</span>}</td>
                <td>
                  {key.revokedAt ? (
                    <span className="badge revoked">revoked {formatInstant(key.revokedAt)}</span>
                  ) : (
                    <ConfirmAction
                      label="Revoke"
                      accessibleLabel={`Revoke ${key.name}`}
                      question={mine ? 'Revoke the key you are signed in with? You will be signed out.' : `Revoke ${key.name}? It stops working at once.`}
                      confirmLabel="Yes, revoke"
                      onConfirm={async () => {
                        await apiKeys.revoke(key.id);
                        if (mine) {
                          session.signOut();
                          return;
                        }
                        setNotice(`${key.name} was revoked: the API refuses it from now on.`);
                        list.reload();
                      }}
                    />
                  )}
                </td>
              </tr>
            );
          }}
        />
      )}
      <Pager pager={pager} nextCursor={list.data?.nextCursor} label="API keys" />

      {creating && (
        <AdminDialog title="New API key" onClose={() => setCreating(false)}>
          <ApiKeyForm
            people={(people.data ?? []).map((rep) => ({ id: rep.id, name: rep.name }))}
            onCancel={() => setCreating(false)}
            onSaved={(key) => {
              setCreating(false);
              setNotice(null);
              setCreated(key);
              list.reload();
            }}
          />
        </AdminDialog>
      )}
    </section>
  );
}

function ApiKeyForm({ people, onSaved, onCancel }: { people: { id: string; name: string }[]; onSaved(key: CreatedApiKey): void; onCancel(): void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [repId, setRepId] = useState('');
  const roleId = useId();
  const repField = useId();
  const { error, busy, problems, submit } = useAdminSubmit(() => apiKeys.create({ name: name.trim(), role, ...(role === 'rep' && { repId: repId || null }) }), onSaved);

  const roleProblem = problems.of('role');
  const repProblem = problems.of('repId');
  return (
    <form onSubmit={submit} noValidate>
      <TextField label="Name" value={name} onChange={setName} required autoComplete="off" hint="Who or what uses it, e.g. website form, Maria's laptop" problem={problems.of('name')} />
      <label htmlFor={roleId}>Role</label>
      <select {...described(roleId, false, roleProblem)} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {(Object.keys(ROLE_WORDS) as Role[]).map((r) => (
          <option key={r} value={r}>
            {ROLE_WORDS[r]}
          </option>
        ))}
      </select>
      <FieldProblem id={roleId} label="Role" problem={roleProblem} />
      {role === 'rep' && (
        <>
          <label htmlFor={repField}>Rep</label>
          <select {...described(repField, true, repProblem)} value={repId} onChange={(e) => setRepId(e.target.value)}>
            <option value="">Choose the rep…</option>
            {people.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.name} ({rep.id})
              </option>
            ))}
          </select>
          <p id={`${repField}-hint`} className="hint">
            A rep key sees and acts on that rep&apos;s leads only.
          </p>
          <FieldProblem id={repField} label="Rep" problem={repProblem} />
        </>
      )}
      <FormFooter error={error} busy={busy} submitLabel="Create key" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
