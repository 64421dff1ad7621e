import { useId, useRef, useState } from 'react';
import { forms, type FormInput, type FormSource } from '../api/admin';
import { CopyButton } from '../components/admin-copy';
import { AdminDialog, splitList, TextField } from '../components/admin-fields';
import { useAdminSubmit } from '../components/admin-submit';
import { AdminTable } from '../components/admin-table';
import { FormFooter } from '../components/form-footer';
import { formatInstant } from '../components/format';
import { LoadState } from '../components/load-state';
import { Notice } from '../components/notice';
import { Pager, usePager } from '../components/pager';
import { useApi } from '../components/use-api';
import './admin.css';

/** Lead fields a form field can be mapped to (or custom.<name>). */
const LEAD_FIELDS = ['firstName', 'lastName', 'fullName', 'email', 'phone', 'company', 'title', 'industry', 'country', 'region', 'city', 'postalCode', 'language', 'product', 'value', 'source', 'externalId'];

/** The usual Salesforce Web-to-Lead fields, which every form takes as they are. */
const WEB_TO_LEAD: { name: string; label: string; type: string; autocomplete: string; required?: boolean }[] = [
  { name: 'first_name', label: 'First name', type: 'text', autocomplete: 'given-name' },
  { name: 'last_name', label: 'Last name', type: 'text', autocomplete: 'family-name' },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true },
  { name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel' },
  { name: 'company', label: 'Company', type: 'text', autocomplete: 'organization' },
  { name: 'title', label: 'Job title', type: 'text', autocomplete: 'organization-title' },
  { name: 'city', label: 'City', type: 'text', autocomplete: 'address-level2' },
  { name: 'state', label: 'State/Province', type: 'text', autocomplete: 'address-level1' },
  { name: 'zip', label: 'Zip', type: 'text', autocomplete: 'postal-code' },
  { name: 'country', label: 'Country', type: 'text', autocomplete: 'country-name' },
];

/**
 * Quotes a value for an HTML attribute of the snippet. The snippet is text the admin pastes into
 * their own page (React shows it as text here); without this a `"` in a URL would break their page.
 */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `custom.budget_range` → `Budget range`. */
function labelFor(target: string, field: string): string {
  const words = (target.startsWith('custom.') ? target.slice(7) : field).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** A plain HTML form that posts to this form source: Web-to-Lead names, the mapped fields, the hidden honeypot and retURL. */
function snippetFor(form: FormSource, origin: string): string {
  const lines: string[] = [];
  const field = (name: string, label: string, type: string, extra: string) =>
    lines.push(`  <p>`, `    <label for="${attribute(name)}">${attribute(label)}</label>`, `    <input id="${attribute(name)}" name="${attribute(name)}" type="${type}"${extra}>`, `  </p>`);
  lines.push(`<!-- leadrouter form "${attribute(form.name).replace(/--/g, '- -')}": paste into your page -->`);
  lines.push(`<form method="post" action="${attribute(`${origin}/v1/forms/${encodeURIComponent(form.key)}`)}" accept-charset="UTF-8">`);
  const returnTo = form.thankYouUrl ?? (form.allowedRedirectHosts[0] ? `https://${form.allowedRedirectHosts[0]}/thank-you` : null);
  if (returnTo) lines.push(`  <input type="hidden" name="retURL" value="${attribute(returnTo)}">`);
  else lines.push(`  <!-- add <input type="hidden" name="retURL" value="https://…/thanks"> once the form has a thank-you URL -->`);
  const taken = new Set(WEB_TO_LEAD.map((f) => f.name.toLowerCase()));
  for (const f of WEB_TO_LEAD) field(f.name, f.label, f.type, ` autocomplete="${f.autocomplete}"${f.required ? ' required' : ''}`);
  for (const [name, target] of Object.entries(form.mapping)) {
    if (taken.has(name.toLowerCase()) || name === form.honeypot) continue;
    taken.add(name.toLowerCase());
    field(name, labelFor(target, name), target === 'email' ? 'email' : target === 'phone' ? 'tel' : 'text', '');
  }
  if (form.honeypot) {
    lines.push(
      `  <!-- spam trap: hidden from people; a post that fills it in is kept out as spam -->`,
      `  <div hidden>`,
      `    <label for="${attribute(form.honeypot)}">Leave this empty</label>`,
      `    <input id="${attribute(form.honeypot)}" name="${attribute(form.honeypot)}" type="text" tabindex="-1" autocomplete="off">`,
      `  </div>`,
    );
  }
  lines.push(`  <button type="submit">Send</button>`, `</form>`);
  return lines.join('\n');
}

/** Form sources: where web forms post leads, with a copy-paste HTML form for each. */
export default function FormsPage() {
  const pager = usePager();
  const list = useApi(() => forms.list(pager.cursor), [pager.cursor]);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<FormSource | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = shown ?? list.data?.data[0] ?? null;

  return (
    <section>
      <div className="admin-section-head">
        <h1>Forms</h1>
        <button type="button" onClick={() => setCreating(true)}>
          New form
        </button>
      </div>
      <p className="hint">
        A web form posts leads to <code>{window.location.origin}/v1/forms/&lt;key&gt;</code> without an API key. Salesforce Web-to-Lead field names work
        as they are; the mapping takes any other name.
      </p>
      <Notice text={notice} />
      <LoadState loaded={list} what="forms" />
      {list.data && (
        <AdminTable
          caption="Form sources"
          headers={['Form', 'Spam trap field', 'Thank-you page and redirect hosts', 'Allowed origins', 'Field mapping', 'Created', 'Actions']}
          empty="No forms yet: create one to get its HTML."
          items={list.data.data}
          row={(form) => (
            <tr key={form.key} className={selected?.key === form.key ? 'picked' : undefined}>
              <th scope="row">
                {form.name}
                <div className="hint">
                  <code>{form.key}</code>
                  {form.source && <> · source {form.source}</>}
                  {form.googleAds && <> · Google Ads</>}
                </div>
              </th>
              <td>{form.honeypot ? <code>{form.honeypot}</code> : <span className="admin-muted">none</span>}</td>
              <td>
                <div>{form.thankYouUrl ?? <span className="admin-muted">no thank-you page</span>}</div>
                {form.allowedRedirectHosts.length > 0 && <div className="hint">also {form.allowedRedirectHosts.join(', ')}</div>}
              </td>
              <td>{form.allowedOrigins.length > 0 ? form.allowedOrigins.join(', ') : <span className="admin-muted">none (plain posts only)</span>}</td>
              <td>
                {Object.keys(form.mapping).length === 0 ? (
                  <span className="admin-muted">Web-to-Lead names</span>
                ) : (
                  <ul className="admin-team-list">
                    {Object.entries(form.mapping).map(([from, to]) => (
                      <li key={from}>
                        <code>{from}</code> → <code>{to}</code>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="admin-nowrap">{formatInstant(form.createdAt)}</td>
              <td>
                <button type="button" className="secondary" aria-label={`HTML snippet of ${form.name}`} onClick={() => setShown(form)}>
                  HTML snippet
                </button>
              </td>
            </tr>
          )}
        />
      )}
      <Pager pager={pager} nextCursor={list.data?.nextCursor} label="Forms" />
      {selected && <Snippet key={selected.key} form={selected} />}

      {creating && (
        <AdminDialog title="New form" onClose={() => setCreating(false)}>
          <FormSourceForm
            onCancel={() => setCreating(false)}
            onSaved={(form) => {
              setCreating(false);
              setShown(form);
              setNotice(`The form ${form.name} was created: its HTML is below.`);
              list.reload();
            }}
          />
        </AdminDialog>
      )}
    </section>
  );
}

function Snippet({ form }: { form: FormSource }) {
  const code = useRef<HTMLElement>(null);
  const id = useId();
  const snippet = snippetFor(form, window.location.origin);
  return (
    <section className="card admin-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>HTML for {form.name}</h2>
      <p className="hint">
        Paste this form into your page and style it as you like. The spam-trap field stays hidden from people: a post that fills it in is set aside as
        spam.{' '}
        {form.thankYouUrl || form.allowedRedirectHosts.length > 0
          ? 'After posting, the browser goes to retURL.'
          : 'Without a thank-you page, the browser shows a short JSON answer after posting.'}
      </p>
      <pre className="admin-snippet" tabIndex={0} role="region" aria-label={`HTML snippet for ${form.name}`}>
        <code ref={code}>{snippet}</code>
      </pre>
      <CopyButton text={snippet} label="Copy" target={code} />
    </section>
  );
}

interface MappingRow {
  from: string;
  to: string;
}

function FormSourceForm({ onSaved, onCancel }: { onSaved(form: FormSource): void; onCancel(): void }) {
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [honeypot, setHoneypot] = useState('website');
  const [thankYouUrl, setThankYouUrl] = useState('');
  const [hosts, setHosts] = useState('');
  const [origins, setOrigins] = useState('');
  const [source, setSource] = useState('');
  const [googleKey, setGoogleKey] = useState('');
  const [mapping, setMapping] = useState<MappingRow[]>([]);
  const fields = useId();
  const { error, busy, problems, submit } = useAdminSubmit(() => {
    const body: FormInput = {
      key: key.trim(),
      name: name.trim(),
      honeypot: honeypot.trim() || null,
      thankYouUrl: thankYouUrl.trim() || null,
      allowedRedirectHosts: splitList(hosts),
      allowedOrigins: splitList(origins),
      source: source.trim() || null,
      mapping: Object.fromEntries(mapping.filter((row) => row.from.trim() !== '').map((row) => [row.from.trim(), row.to.trim()])),
      ...(googleKey.trim() && { googleKey: googleKey.trim() }),
    };
    return forms.create(body);
  }, onSaved);

  const change = (index: number, patch: Partial<MappingRow>) => setMapping((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <form onSubmit={submit} noValidate>
      <div className="admin-grid">
        <TextField label="Key" value={key} onChange={setKey} required autoComplete="off" hint="In the post URL: letters, digits, _ and -" problem={problems.of('key')} />
        <TextField label="Name" value={name} onChange={setName} required autoComplete="off" problem={problems.of('name')} />
        <TextField label="Spam trap field" value={honeypot} onChange={setHoneypot} autoComplete="off" hint="A field hidden from people; empty: none" problem={problems.of('honeypot')} />
        <TextField label="Lead source" value={source} onChange={setSource} autoComplete="off" hint="Empty: the form key" problem={problems.of('source')} />
      </div>
      <TextField label="Thank-you page" type="url" value={thankYouUrl} onChange={setThankYouUrl} placeholder="https://www.example.com/thanks" hint="Where the browser goes after posting; its host may be used in retURL" problem={problems.of('thankYouUrl')} />
      <TextField label="Other redirect hosts" value={hosts} onChange={setHosts} hint="Comma-separated hosts retURL may also point at, e.g. www.example.com" problem={problems.of('allowedRedirectHosts')} />
      <TextField label="Allowed origins" value={origins} onChange={setOrigins} hint="Comma-separated origins whose pages may post with fetch (CORS), e.g. https://www.example.com" problem={problems.of('allowedOrigins')} />
      <TextField label="Google Ads key" type="password" value={googleKey} onChange={setGoogleKey} autoComplete="off" hint="Only for a Google Ads lead form webhook; never shown again" problem={problems.of('googleKey')} />
      <fieldset>
        <legend>Field mapping</legend>
        <p className="hint">Only for names that are neither Web-to-Lead names nor lead fields: form field → lead field, or custom.&lt;name&gt;.</p>
        <datalist id={fields}>
          {LEAD_FIELDS.map((field) => (
            <option key={field} value={field} />
          ))}
        </datalist>
        {mapping.map((row, index) => {
          const problem = problems.of(`mapping.${row.from.trim()}`);
          return (
            <div className="admin-grid" key={index}>
              <TextField label={`Form field ${index + 1}`} value={row.from} onChange={(from) => change(index, { from })} autoComplete="off" />
              <TextField label={`Lead field ${index + 1}`} value={row.to} onChange={(to) => change(index, { to })} list={fields} autoComplete="off" problem={row.from.trim() ? problem : undefined} />
              <div className="actions">
                <button type="button" className="secondary" aria-label={`Remove mapping ${index + 1}`} onClick={() => setMapping((rows) => rows.filter((_, i) => i !== index))}>
                  Remove
                </button>
              </div>
            </div>
          );
        })}
        {problems.only('mapping') && <p className="admin-field-problem">Field mapping: {problems.only('mapping')}</p>}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setMapping((rows) => [...rows, { from: '', to: '' }])}>
            Add a mapped field
          </button>
        </div>
      </fieldset>
      <FormFooter error={error} busy={busy} submitLabel="Create form" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
