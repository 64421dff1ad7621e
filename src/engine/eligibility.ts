import type { RequirementsDoc } from './config/schema.js';
import type { RosterRep } from './roster.js';
import { isWithin } from './time/weekly-hours.js';
import type { ZoneClock } from './time/zone-clock.js';

/**
 * Why a rep was not considered for a lead. Temporary reasons pass with time (the lead may be
 * held for them, and round robin may keep their share); the others hold for this lead.
 */
export type Exclusion =
  | { code: 'inactive' }
  | { code: 'out-of-office'; until: number }
  | { code: 'outside-hours'; weekday: number; minute: number; timezone: string }
  | { code: 'offline'; presence: string }
  | { code: 'at-capacity'; open: number; max: number }
  | { code: 'daily-cap'; count: number; cap: number }
  | { code: 'missing-language'; missing: string[] }
  | { code: 'missing-skill'; missing: string[] }
  | { code: 'seniority'; has: number; needs: number }
  | { code: 'already-tried' }
  | { code: 'not-found' };

export type ExclusionCode = Exclusion['code'];

const UNAVAILABLE: ReadonlySet<ExclusionCode> = new Set(['out-of-office', 'outside-hours', 'offline']);
const TEMPORARY: ReadonlySet<ExclusionCode> = new Set([...UNAVAILABLE, 'at-capacity', 'daily-cap']);

/** The rep will be able to take the lead later: holding the lead for them makes sense. */
export function isTemporary(exclusion: Exclusion): boolean {
  return TEMPORARY.has(exclusion.code);
}

/** The rep is away (not merely busy): round robin may keep their share meanwhile. */
export function isUnavailable(exclusion: Exclusion): boolean {
  return UNAVAILABLE.has(exclusion.code);
}

/** Requirements with their values lowercased once, at compile time. */
export interface CompiledRequirements {
  languages: readonly string[];
  skills: readonly string[];
  seniority: number;
  online: boolean;
}

export const NO_REQUIREMENTS: CompiledRequirements = { languages: [], skills: [], seniority: 0, online: false };

export function compileRequirements(doc: RequirementsDoc | undefined): CompiledRequirements {
  if (!doc) return NO_REQUIREMENTS;
  return {
    languages: (doc.languages ?? []).map((s) => s.trim().toLowerCase()),
    skills: (doc.skills ?? []).map((s) => s.trim().toLowerCase()),
    seniority: doc.seniority ?? 0,
    online: doc.online ?? false,
  };
}

function missing(wanted: readonly string[], has: ReadonlySet<string>): string[] | null {
  let out: string[] | null = null;
  for (const w of wanted) if (!has.has(w)) (out ??= []).push(w);
  return out;
}

/** What an eligibility check needs to know about the moment and the lead. */
export interface EligibilityContext {
  readonly now: number;
  readonly clock: ZoneClock;
  readonly excluded: ReadonlySet<string>;
}

/** The first reason this rep cannot take the lead now, or null when eligible. Cheap checks run first. */
export function exclusionOf(rep: RosterRep, req: CompiledRequirements, ctx: EligibilityContext): Exclusion | null {
  if (!rep.active) return { code: 'inactive' };
  if (ctx.excluded.size > 0 && ctx.excluded.has(rep.id)) return { code: 'already-tried' };
  if (req.languages.length > 0) {
    const m = missing(req.languages, rep.languages);
    if (m) return { code: 'missing-language', missing: m };
  }
  if (req.skills.length > 0) {
    const m = missing(req.skills, rep.skills);
    if (m) return { code: 'missing-skill', missing: m };
  }
  if (rep.seniority < req.seniority) return { code: 'seniority', has: rep.seniority, needs: req.seniority };
  if (ctx.now >= rep.oooFrom && ctx.now < rep.oooUntil) return { code: 'out-of-office', until: rep.oooUntil };
  if (req.online && rep.presence !== 'online') return { code: 'offline', presence: rep.presence };
  if (rep.maxOpen !== null && rep.open >= rep.maxOpen) return { code: 'at-capacity', open: rep.open, max: rep.maxOpen };
  if (rep.hours !== null || rep.dailyCap !== null) {
    const local = ctx.clock.local(rep.timezone, ctx.now);
    if (rep.hours !== null && !isWithin(rep.hours, local)) {
      return { code: 'outside-hours', weekday: local.weekday, minute: local.minute, timezone: rep.timezone };
    }
    if (rep.dailyCap !== null) {
      const count = rep.dailyDay === local.day ? rep.dailyCount : 0;
      if (count >= rep.dailyCap) return { code: 'daily-cap', count, cap: rep.dailyCap };
    }
  }
  return null;
}
