import { useId, useMemo, useState } from 'react';
import { reps, teams, type RepRecord, type Team } from '../api/admin';
import { AdminDialog, splitList, TextField } from '../components/admin-fields';
import { useAdminSubmit } from '../components/admin-submit';
import { AdminTable } from '../components/admin-table';
import { FormFooter } from '../components/form-footer';
import { LoadState } from '../components/load-state';
import { Notice } from '../components/notice';
import { Pager, usePager } from '../components/pager';
import { useApi } from '../components/use-api';
import './admin.css';

/** A weight as a share of the whole: what round robin aims to give each. */
function share(weight: number, all: readonly { weight: number }[]): string {
  const total = all.reduce((sum, item) => sum + item.weight, 0);
  return total > 0 ? `${Math.round((weight / total) * 100)}%` : '—';
}

/** Teams: members with their weights (their share of a rotation), sub-teams, territories and managers. */
export default function TeamsPage() {
  const pager = usePager();
  const list = useApi(() => teams.list(pager.cursor), [pager.cursor]);
  const people = useApi(() => reps.all(), []);
  const [dialog, setDialog] = useState<{ team?: Team } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = useMemo(() => new Map((people.data ?? []).map((rep) => [rep.id, rep.name])), [people.data]);
  const nameOf = (id: string) => names.get(id) ?? id;

  return (
    <section>
      <div className="admin-section-head">
        <h1>Teams</h1>
        <button type="button" onClick={() => setDialog({})}>
          New team
        </button>
      </div>
      <p className="hint">
        Routes in the routing configuration assign leads to a team by its key. A member&apos;s weight is their share of a round-robin rotation; a
        sub-team&apos;s weight is its share when a route goes to a branch first.
      </p>
      <Notice text={notice} />
      <LoadState loaded={list} what="teams" />
      {list.data && (
        <AdminTable
          caption="Teams with their members and weights"
          headers={['Team', 'Members (weight, share)', 'Sub-teams (weight)', 'Territories', 'Managers', 'Actions']}
          empty="No teams yet."
          items={list.data.data}
          row={(team) => (
            <tr key={team.key}>
              <th scope="row">
                {team.name}
                <div className="hint">
                  <code>{team.key}</code>
                </div>
              </th>
              <td>
                {team.members.length === 0 ? (
                  <span className="admin-muted">no members</span>
                ) : (
                  <ul className="admin-team-list" aria-label={`Members of ${team.name}`}>
                    {team.members.map((member) => (
                      <li key={member.repId}>
                        {nameOf(member.repId)} — weight {member.weight} ({share(member.weight, team.members)})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {team.subTeams.length === 0 ? (
                  <span className="admin-muted">none</span>
                ) : (
                  <ul className="admin-team-list">
                    {team.subTeams.map((sub) => (
                      <li key={sub.key}>
                        <code>{sub.key}</code> — weight {sub.weight} ({share(sub.weight, team.subTeams)})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{team.territories.length > 0 ? team.territories.join(', ') : <span className="admin-muted">any</span>}</td>
              <td>{team.managerIds.length > 0 ? team.managerIds.map(nameOf).join(', ') : <span className="admin-muted">none</span>}</td>
              <td>
                <button type="button" className="secondary" aria-label={`Edit ${team.name}`} onClick={() => setDialog({ team })}>
                  Edit
                </button>
              </td>
            </tr>
          )}
        />
      )}
      <Pager pager={pager} nextCursor={list.data?.nextCursor} label="Teams" />

      {dialog && (
        <AdminDialog title={dialog.team ? `Edit ${dialog.team.name}` : 'New team'} onClose={() => setDialog(null)}>
          <TeamForm
            team={dialog.team}
            people={people.data ?? []}
            onCancel={() => setDialog(null)}
            onSaved={(team) => {
              setDialog(null);
              setNotice(`${team.name} was saved.`);
              list.reload();
            }}
          />
        </AdminDialog>
      )}
    </section>
  );
}

interface Row {
  /** A rep id (members) or a team key (sub-teams). */
  ref: string;
  weight: string;
}

function TeamForm({ team, people, onSaved, onCancel }: { team: Team | undefined; people: RepRecord[]; onSaved(team: Team): void; onCancel(): void }) {
  const allTeams = useApi(() => teams.all(), []);
  const [key, setKey] = useState('');
  const [name, setName] = useState(team?.name ?? '');
  const [members, setMembers] = useState<Row[]>(() => (team?.members ?? []).map((m) => ({ ref: m.repId, weight: String(m.weight) })));
  const [subTeams, setSubTeams] = useState<Row[]>(() => (team?.subTeams ?? []).map((s) => ({ ref: s.key, weight: String(s.weight) })));
  const [territories, setTerritories] = useState((team?.territories ?? []).join(', '));
  const [managers, setManagers] = useState((team?.managerIds ?? []).join(', '));
  const names = new Map(people.map((rep) => [rep.id, rep.name]));
  const otherTeams = (allTeams.data ?? []).filter((other) => other.key !== team?.key);
  const { error, busy, problems, submit } = useAdminSubmit(() => {
    const body = {
      name: name.trim(),
      members: members.filter((m) => m.ref !== '').map((m) => ({ repId: m.ref, weight: m.weight.trim() === '' ? 1 : Number(m.weight) })),
      subTeams: subTeams.filter((s) => s.ref !== '').map((s) => ({ key: s.ref, weight: s.weight.trim() === '' ? 1 : Number(s.weight) })),
      territories: splitList(territories),
      managerIds: splitList(managers),
    };
    return team ? teams.update(team.key, body) : teams.create({ key: key.trim(), ...body });
  }, onSaved);

  return (
    <form onSubmit={submit} noValidate>
      <div className="admin-grid">
        {!team && <TextField label="Key" value={key} onChange={setKey} required autoComplete="off" hint="What routes name, e.g. west" problem={problems.of('key')} />}
        <TextField label="Name" value={name} onChange={setName} required autoComplete="off" problem={problems.of('name')} />
      </div>
      <WeightedRows
        legend="Members"
        noun="member"
        rows={members}
        setRows={setMembers}
        options={people.map((rep) => ({ value: rep.id, label: `${rep.name} (${rep.id})${rep.active ? '' : ' — inactive'}` }))}
        labelOf={(ref) => names.get(ref) ?? ref}
        problemOf={(index) => problems.of(`members[${index}]`)}
        problem={problems.only('members')}
      />
      <WeightedRows
        legend="Sub-teams"
        noun="sub-team"
        rows={subTeams}
        setRows={setSubTeams}
        options={otherTeams.map((other) => ({ value: other.key, label: `${other.name} (${other.key})` }))}
        labelOf={(ref) => otherTeams.find((other) => other.key === ref)?.name ?? ref}
        problemOf={(index) => problems.of(`subTeams[${index}]`)}
        problem={problems.only('subTeams')}
      />
      <div className="admin-grid">
        <TextField
          label="Territories"
          value={territories}
          onChange={setTerritories}
          hint="Comma-separated territory names from the routing configuration; empty: any"
          problem={problems.of('territories')}
        />
        <TextField label="Managers" value={managers} onChange={setManagers} hint="Comma-separated rep ids, e.g. kate" problem={problems.of('managerIds')} />
      </div>
      <FormFooter error={error} busy={busy} submitLabel={team ? 'Save team' : 'Add team'} onCancel={onCancel} />
    </form>
  );
}

/** Editable rows of (who, weight), each labelled by who it is. */
function WeightedRows({
  legend,
  noun,
  rows,
  setRows,
  options,
  labelOf,
  problemOf,
  problem,
}: {
  legend: string;
  noun: string;
  rows: Row[];
  setRows(update: (rows: Row[]) => Row[]): void;
  options: { value: string; label: string }[];
  labelOf(ref: string): string;
  problemOf(index: number): string | undefined;
  problem: string | undefined;
}) {
  const id = useId();
  const change = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {rows.length === 0 ? (
        <p className="hint">No {noun}s.</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{noun.charAt(0).toUpperCase() + noun.slice(1)}</th>
                <th scope="col">Weight</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const who = row.ref ? labelOf(row.ref) : `new ${noun} ${index + 1}`;
                const rowProblem = problemOf(index);
                const problemId = `${id}-${index}-problem`;
                const describedBy = rowProblem ? problemId : undefined;
                const known = options.some((option) => option.value === row.ref);
                return (
                  <tr key={index}>
                    <td>
                      <label htmlFor={`${id}-${index}-ref`} className="visually-hidden">
                        {`${noun.charAt(0).toUpperCase() + noun.slice(1)} ${index + 1}`}
                      </label>
                      <select
                        id={`${id}-${index}-ref`}
                        value={row.ref}
                        aria-invalid={rowProblem ? true : undefined}
                        aria-describedby={describedBy}
                        onChange={(e) => change(index, { ref: e.target.value })}
                      >
                        <option value="">Choose…</option>
                        {!known && row.ref && <option value={row.ref}>{row.ref}</option>}
                        {options.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                      {rowProblem && (
                        <p id={problemId} className="admin-field-problem">
                          {`${legend} row ${index + 1} (${who}): ${rowProblem}`}
                        </p>
                      )}
                    </td>
                    <td>
                      <label htmlFor={`${id}-${index}-weight`} className="visually-hidden">
                        {`Weight of ${who}`}
                      </label>
                      <input
                        id={`${id}-${index}-weight`}
                        type="number"
                        min={0}
                        step="any"
                        inputMode="decimal"
                        value={row.weight}
                        aria-invalid={rowProblem ? true : undefined}
                        aria-describedby={describedBy}
                        onChange={(e) => change(index, { weight: e.target.value })}
                      />
                    </td>
                    <td>
                      <button type="button" className="secondary" aria-label={`Remove ${who}`} onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {problem && <p className="admin-field-problem">{`${legend}: ${problem}`}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRows((all) => [...all, { ref: '', weight: '1' }])}>
          Add {noun}
        </button>
      </div>
    </fieldset>
  );
}
