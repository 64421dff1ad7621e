import { z } from 'zod';
import { named } from './registry.js';
import { Decision } from './leads.js';
import { Instant, InstantInput } from './common.js';

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
