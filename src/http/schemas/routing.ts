import { z } from 'zod';
import { named } from './registry.js';
import { Decision } from './leads.js';
import { Instant, InstantInput } from './common.js';
import { IMPACT_DEFAULT_LEADS, IMPACT_MAX_CHANGES, IMPACT_MAX_LEADS } from '../../service/config-impact.js';

const Source = z
  .union([z.string().min(1), z.record(z.string(), z.unknown())])
  .describe('the configuration as YAML or JSON text (errors then carry line numbers), or as a JSON object');

export const ConfigVersion = named(z
  .object({
    version: z.number().int(),
    active: z.boolean(),
    createdAt: Instant,
    createdBy: z.string().nullable().describe('the API key that saved it'),
    source: z.string().optional().describe('the configuration text as saved'),
  }), 'RoutingConfigVersion');

export const ConfigError = named(z
  .object({
    path: z.string().describe('where in the configuration, e.g. routes[3].assign.team; empty for the whole document'),
    message: z.string(),
    line: z.number().int().optional().describe('1-based, when the configuration was given as text'),
    column: z.number().int().optional(),
  }), 'RoutingConfigError');

export const ValidateBody = z.strictObject({ source: Source });
export const ValidateResponse = z.object({ valid: z.boolean(), errors: z.array(ConfigError) });

export const CreateConfigBody = z.strictObject({
  source: Source,
  activate: z.boolean().default(false).describe('make the new version live at once'),
});

export const VersionParams = z.strictObject({ n: z.coerce.number().int().min(1) });

export const SimulateBody = z.strictObject({
  leads: z.array(z.unknown().describe('a LeadInput')).min(1).max(1000),
  config: Source.optional().describe('a draft configuration; the live one when absent'),
  at: InstantInput.optional().describe('the instant to decide at; now when absent'),
});

export const SimulateResponse = z.object({
  configVersion: z.number().int().nullable().describe('null for a draft'),
  at: Instant,
  data: z.array(z.object({ index: z.number().int(), lead: z.record(z.string(), z.unknown()).describe('the lead as normalised'), decision: Decision })),
});

export const ImpactBody = z.strictObject({
  source: Source.describe('the draft, as POST /v1/routing-config takes it'),
  last: z
    .number()
    .int()
    .min(1)
    .max(IMPACT_MAX_LEADS)
    .default(IMPACT_DEFAULT_LEADS)
    .describe(`how many of the leads captured last to decide again (test leads aside), at most ${IMPACT_MAX_LEADS}`),
  at: InstantInput.optional().describe('the instant to decide at; now when absent'),
});

const ImpactTarget = named(
  z
    .object({
      type: z.enum(['rep', 'queue', 'hold', 'unqualified']),
      id: z.string().describe('the rep id, the queue key, the hold reason (unavailable, unroutable, no-configuration), or unqualified'),
      name: z.string().describe('the rep name, the queue key, or what the hold or non-qualification means'),
    })
    .describe('where a decision puts a lead'),
  'RoutingImpactTarget',
);

const ImpactPlacement = z.object({
  route: z.string().nullable().describe('the route that placed the lead; null when none did (unqualified, or held with no route)'),
  target: ImpactTarget,
  outcome: z.enum(['offer', 'queue', 'hold', 'unqualified']),
  team: z.string().nullable().describe('for an offer through a team, the team the rep was picked from'),
});

export const ImpactResponse = named(
  z.object({
    liveVersion: z.number().int().nullable().describe('the live version the draft is compared with; null while none is active'),
    at: Instant,
    leads: z.number().int().describe('how many leads were decided again'),
    changed: z.number().int().describe('how many of them the draft would send elsewhere: another route or another target'),
    byRoute: z.array(z.object({ route: z.string().nullable(), live: z.number().int(), draft: z.number().int() })).describe('leads per route, in the order of the routes'),
    byTarget: z
      .array(z.object({ target: ImpactTarget, live: z.number().int(), draft: z.number().int(), delta: z.number().int().describe('draft - live') }))
      .describe('leads per target, the largest changes first'),
    changes: z
      .array(z.object({ leadId: z.string(), name: z.string(), createdAt: Instant, live: ImpactPlacement, draft: ImpactPlacement }))
      .describe(`the leads that would go elsewhere, newest first, at most ${IMPACT_MAX_CHANGES} (changed counts them all)`),
  }),
  'RoutingConfigImpact',
);
