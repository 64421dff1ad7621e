import { api, type Page } from './client';

/** A saved routing configuration (`RoutingConfigVersion`); the list leaves `source` out. */
export interface ConfigVersion {
  version: number;
  active: boolean;
  createdAt: string;
  /** The id of the API key that saved it; null for the version seeded at set-up. */
  createdBy: string | null;
  source?: string;
}

/** A problem in a configuration: where (`routes[1].assign.team`), what, and the 1-based line and column of the text. */
export interface ConfigError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface Validation {
  valid: boolean;
  errors: ConfigError[];
}

export interface ImpactTarget {
  type: 'rep' | 'queue' | 'hold' | 'unqualified';
  id: string;
  name: string;
}

export interface ImpactPlacement {
  route: string | null;
  target: ImpactTarget;
  outcome: 'offer' | 'queue' | 'hold' | 'unqualified';
  team: string | null;
}

/** `POST /v1/routing-config/impact`: the last leads decided again under the live configuration and under the draft. */
export interface Impact {
  liveVersion: number | null;
  at: string;
  leads: number;
  changed: number;
  byRoute: { route: string | null; live: number; draft: number }[];
  byTarget: { target: ImpactTarget; live: number; draft: number; delta: number }[];
  changes: { leadId: string; name: string; createdAt: string; live: ImpactPlacement; draft: ImpactPlacement }[];
}

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
