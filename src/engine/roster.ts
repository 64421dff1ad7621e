import type { Presence, Rep, Team, WorkingHours } from './model.js';
import { compileWeeklyHours, type WeeklyHours } from './time/weekly-hours.js';
import { epochDay, ZoneClock } from './time/zone-clock.js';

/** A rep prepared for fast filtering: sets instead of lists, instants as numbers. */
export interface RosterRep {
  readonly rep: Rep;
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly timezone: string;
  readonly presence: Presence;
  readonly hours: WeeklyHours | null;
  readonly oooFrom: number;
  readonly oooUntil: number;
  readonly languages: ReadonlySet<string>;
  readonly skills: ReadonlySet<string>;
  readonly seniority: number;
  readonly open: number;
  readonly maxOpen: number | null;
  readonly dailyCap: number | null;
  readonly dailyDay: number | undefined;
  readonly dailyCount: number;
  readonly won: number;
  readonly lost: number;
  readonly lastAssigned: number;
}

export interface RosterMember {
  readonly rep: RosterRep;
  readonly weight: number;
  /** Position in the team, the final tie-break. */
  readonly order: number;
}

export interface RosterBranch {
  readonly team: RosterTeam;
  readonly weight: number;
  readonly order: number;
}

export interface RosterTeam {
  readonly team: Team;
  readonly key: string;
  readonly members: readonly RosterMember[];
  readonly branches: readonly RosterBranch[];
  /** Branches by the territory keys they serve, for hierarchical routing by territory. */
  readonly branchesByTerritory: ReadonlyMap<string, readonly RosterBranch[]>;
  readonly territories: ReadonlySet<string>;
  /** Team keys or rep ids the team refers to that do not exist. */
  readonly dangling: readonly string[];
}

const lower = (list: readonly string[] | undefined) => new Set((list ?? []).map((s) => s.trim().toLowerCase()));
const instant = (iso: string | null | undefined, fallback: number) => {
  if (!iso) return fallback;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? fallback : ms;
};

function prepareRep(rep: Rep, hours: (workingHours: WorkingHours) => WeeklyHours): RosterRep {
  return {
    rep,
    id: rep.id,
    name: rep.name,
    active: rep.active,
    timezone: rep.timezone,
    presence: rep.presence ?? 'offline',
    hours: rep.workingHours && Object.keys(rep.workingHours).length > 0 ? hours(rep.workingHours) : null,
    oooFrom: instant(rep.outOfOffice?.from, Number.POSITIVE_INFINITY),
    oooUntil: instant(rep.outOfOffice?.until, Number.NEGATIVE_INFINITY),
    languages: lower(rep.languages),
    skills: lower(rep.skills),
    seniority: rep.seniority ?? 0,
    open: rep.openLeads ?? 0,
    maxOpen: rep.maxOpenLeads ?? null,
    dailyCap: rep.dailyCap ?? null,
    dailyDay: rep.daily ? epochDay(rep.daily.date) : undefined,
    dailyCount: rep.daily?.count ?? 0,
    won: rep.won ?? 0,
    lost: rep.lost ?? 0,
    lastAssigned: instant(rep.lastAssignedAt, Number.NEGATIVE_INFINITY),
  };
}

/**
 * The people a decision chooses among, prepared once and reused across decisions while the
 * underlying data is unchanged. Teams refer to reps by id and to sub-teams by key.
 */
export class Roster {
  readonly reps = new Map<string, RosterRep>();
  readonly teams = new Map<string, RosterTeam>();
  private readonly repsByEmail = new Map<string, RosterRep>();
  /**
   * Memo of time-zone offsets, shared by every decision made on this roster — and by later
   * rosters, when the caller passes the same one in.
   */
  readonly clock: ZoneClock;

  constructor(reps: readonly Rep[], teams: readonly Team[], clock: ZoneClock = new ZoneClock()) {
    this.clock = clock;
    // Reps on the same hours share one schedule: a held lead works out each schedule's next start once.
    const schedules = new Map<string, WeeklyHours>();
    const hours = (workingHours: WorkingHours) => {
      const key = JSON.stringify(workingHours);
      let compiled = schedules.get(key);
      if (!compiled) schedules.set(key, (compiled = compileWeeklyHours(workingHours)));
      return compiled;
    };
    for (const rep of reps) {
      const prepared = prepareRep(rep, hours);
      this.reps.set(rep.id, prepared);
      if (rep.email) this.repsByEmail.set(rep.email.toLowerCase(), prepared);
    }
    const byKey = new Map(teams.map((t) => [t.key, t]));
    const building = new Set<string>();
    const build = (team: Team): RosterTeam => {
      const done = this.teams.get(team.key);
      if (done) return done;
      building.add(team.key);
      const dangling: string[] = [];
      const members: RosterMember[] = [];
      team.members.forEach((m, order) => {
        const rep = this.reps.get(m.repId);
        if (rep) members.push({ rep, weight: m.weight ?? 1, order });
        else dangling.push(m.repId);
      });
      const branches: RosterBranch[] = [];
      const branchesByTerritory = new Map<string, RosterBranch[]>();
      (team.subTeams ?? []).forEach((sub, order) => {
        const child = byKey.get(sub.key);
        // A cycle of sub-teams would never end: the back edge is dropped and reported.
        if (!child || building.has(sub.key)) {
          dangling.push(sub.key);
          return;
        }
        const branch = { team: build(child), weight: sub.weight ?? 1, order };
        branches.push(branch);
        for (const territory of branch.team.territories) {
          const list = branchesByTerritory.get(territory);
          if (list) list.push(branch);
          else branchesByTerritory.set(territory, [branch]);
        }
      });
      const built: RosterTeam = {
        team,
        key: team.key,
        members,
        branches,
        branchesByTerritory,
        territories: new Set(team.territories ?? []),
        dangling,
      };
      building.delete(team.key);
      this.teams.set(team.key, built);
      return built;
    };
    for (const team of teams) build(team);
  }

  /** A rep by id, or by email as admins sometimes write it in `assign: { rep: … }`. */
  rep(idOrEmail: string): RosterRep | undefined {
    return this.reps.get(idOrEmail) ?? this.repsByEmail.get(idOrEmail.toLowerCase());
  }
}
