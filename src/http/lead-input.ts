import { normalizeLead, type Problem } from '../capture/index.js';
import type { Lead } from '../engine/index.js';

export type NormalizedLead = { ok: true; lead: Lead; warnings: Problem[] } | { ok: false; errors: Problem[] };

/**
 * A lead as a client sent it, checked and normalised by src/capture into what a capture takes.
 * Problems are located relative to the lead (`email`, `custom.budget`).
 */
export function normalizeBody(body: unknown, defaultCountry: string): NormalizedLead {
  const result = normalizeLead(body, { defaultCountry });
  return result.ok ? { ok: true, lead: result.lead, warnings: result.warnings } : { ok: false, errors: result.errors };
}
