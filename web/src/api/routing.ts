import type { z } from 'zod';
import type { ConfigError as ConfigErrorSchema, ConfigVersion as ConfigVersionSchema, ImpactResponse, ValidateResponse } from '../../../src/http/schemas/routing';
import { api, type Page } from './client';

/** A saved routing configuration (`RoutingConfigVersion`); the list leaves `source` out. */
export type ConfigVersion = z.output<typeof ConfigVersionSchema>;

/** A problem in a configuration: where (`routes[1].assign.team`), what, and the 1-based line and column of the text. */
export type ConfigError = z.output<typeof ConfigErrorSchema>;

export type Validation = z.output<typeof ValidateResponse>;

/** `POST /v1/routing-config/impact`: the last leads decided again under the live configuration and under the draft. */
export type Impact = z.output<typeof ImpactResponse>;
export type ImpactPlacement = Impact['changes'][number]['live'];
export type ImpactTarget = ImpactPlacement['target'];

export const IMPACT_DEFAULT_LEADS = 200;
export const IMPACT_MAX_LEADS = 5000;

export const activeConfig = () => api<ConfigVersion>('/v1/routing-config');

export const configVersions = (cursor: string | undefined, limit = 10) =>
  api<Page<ConfigVersion>>('/v1/routing-config/versions', { query: { cursor, limit } });

export const configVersion = (version: number) => api<ConfigVersion>(`/v1/routing-config/versions/${version}`);

export const validateConfig = (source: string) => api<Validation>('/v1/routing-config/validate', { method: 'POST', body: { source } });

export const saveConfig = (source: string, activate: boolean) =>
  api<ConfigVersion>('/v1/routing-config', { method: 'POST', body: { source, activate } });

export const activateVersion = (version: number) => api<ConfigVersion>(`/v1/routing-config/versions/${version}/activate`, { method: 'POST' });

export const configImpact = (source: string, last: number) => api<Impact>('/v1/routing-config/impact', { method: 'POST', body: { source, last } });
