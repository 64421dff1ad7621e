import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Instants are epoch milliseconds; flags are 0/1; lists and
 * documents are JSON text — one representation on SQLite and PostgreSQL alike.
 */

export interface RepsTable {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  active: number;
  timezone: string;
  working_hours: string | null;
  presence: string;
  ooo_from: number | null;
  ooo_until: number | null;
  languages: string;
  skills: string;
  seniority: number;
  max_open_leads: number | null;
  daily_cap: number | null;
  /** JSON list of channels, or null for the configuration's default. */
  channels: string | null;
  open_leads: number;
  daily_date: string | null;
  daily_count: number;
  won: number;
  lost: number;
  last_assigned_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface TeamsTable {
  key: string;
  name: string;
  territories: string;
  manager_ids: string;
  created_at: number;
  updated_at: number;
}

export interface TeamMembersTable {
  team_key: string;
  rep_id: string;
  weight: number;
  position: number;
}

export interface TeamBranchesTable {
  team_key: string;
  branch_key: string;
  weight: number;
  position: number;
}

export interface RoutingConfigsTable {
  version: number;
  source: string;
  created_at: number;
  created_by: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface LeadsTable {
  id: string;
  status: string;
  source: string | null;
  /** The lead's source and external id together: unique (migration 012). */
  external_key: string | null;
  fields: string;
  email: string | null;
  phone: string | null;
  email_key: string | null;
  phone_key: string | null;
  email_domain: string | null;
  company_key: string | null;
  account_id: string | null;
  owner_id: string | null;
  team_key: string | null;
  queue: string | null;
  score: number | null;
  grade: string | null;
  route: string | null;
  config_version: number | null;
  duplicate_of: string | null;
  is_test: number;
  created_at: number;
  updated_at: number;
  /** Offers made so far. */
  attempts: number;
  /** JSON list of the reps who rejected the lead or let its offer expire. */
  tried_reps: string;
  offered_at: number | null;
  assigned_at: number | null;
  contacted_at: number | null;
  closed_at: number | null;
  revenue: number | null;
  lost_reason: string | null;
}

export interface TimersTable {
  lead_id: string;
  kind: string;
  run_at: number;
  /** The lead's offer count when the timer was set: a timer from an earlier offer is stale. */
  attempt: number;
  created_at: number;
}

export interface LeadEventsTable {
  id: Generated<number>;
  lead_id: string;
  type: string;
  at: number;
  actor: string | null;
  data: string | null;
  /** The rep the event is about (`data.repId`: offered to, accepted by, …), for the reports. */
  rep_id: string | null;
}

export interface DecisionsTable {
  id: string;
  lead_id: string;
  config_version: number | null;
  outcome: string;
  ranked: string;
  explanation: string;
  created_at: number;
}

export interface StrategyStateTable {
  scope: string;
  state: string;
  version: number;
  updated_at: number;
}

export interface AccountsTable {
  id: string;
  name: string;
  domain: string | null;
  company_key: string | null;
  owner_id: string | null;
  created_at: number;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  lead_id: string;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  rep_id: string | null;
  key_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface FormsTable {
  key: string;
  name: string;
  mapping: string;
  honeypot: string | null;
  thank_you_url: string | null;
  allowed_redirect_hosts: string;
  allowed_origins: string;
  google_key: string | null;
  source: string | null;
  created_at: number;
  updated_at: number;
}

export interface RejectedSubmissionsTable {
  id: string;
  source: string;
  reason: string;
  fields: string;
  received_at: number;
}

/** The rendered message of an outbox row, apart from the row that changes as it is sent (migration 013). */
export interface NotificationMessagesTable {
  notification_id: string;
  /** JSON: the rendered message. */
  message: string;
}

export interface NotificationsTable {
  id: string;
  dedupe_key: string;
  kind: string;
  channel: string;
  recipient: string;
  lead_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: number;
  /** A dispatcher holds the row until then; after, another may take it. */
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  /** JSON list of event types; empty: every event. */
  events: string;
  format: string;
  active: number;
  created_at: number;
}

/** A day's report figures for one rep, team or source (migration 011); `key` '' stands for none. */
export interface ReportDaysTable {
  day: number;
  dim: string;
  key: string;
  /** The counts, as JSON. */
  counts: string;
  /** Capture to first contact of the day's leads contacted, in milliseconds, as a JSON array. */
  speed: string;
  /** Offer to acceptance, likewise. */
  accept: string;
}

export interface ReportStaleDaysTable {
  day: number;
}

export interface Tables {
  reps: RepsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_branches: TeamBranchesTable;
  routing_configs: RoutingConfigsTable;
  settings: SettingsTable;
  leads: LeadsTable;
  lead_events: LeadEventsTable;
  decisions: DecisionsTable;
  strategy_state: StrategyStateTable;
  accounts: AccountsTable;
  idempotency_keys: IdempotencyKeysTable;
  rejected_submissions: RejectedSubmissionsTable;
  api_keys: ApiKeysTable;
  forms: FormsTable;
  timers: TimersTable;
  notifications: NotificationsTable;
  notification_messages: NotificationMessagesTable;
  webhooks: WebhooksTable;
  report_days: ReportDaysTable;
  report_stale_days: ReportStaleDaysTable;
}
