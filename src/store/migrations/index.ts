import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './001-initial.js';
import { apiKeys } from './002-api-keys.js';
import { forms } from './003-forms.js';
import { dedupeKeys } from './004-dedupe-keys.js';
import { rejectedSubmissions } from './005-rejected-submissions.js';
import { dropRawContactIndexes } from './006-drop-raw-contact-indexes.js';
import { lifecycle } from './007-lifecycle.js';
import { notifications } from './008-notifications.js';
import { repChannels } from './009-rep-channels.js';
import { reports } from './010-reports.js';
import { reportDays } from './011-report-days.js';
import { externalKey } from './012-external-key.js';
import { notificationMessages } from './013-notification-messages.js';

/** Every migration, in order. Names never change once released; new ones are appended. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-api-keys': apiKeys,
  '003-forms': forms,
  '004-dedupe-keys': dedupeKeys,
  '005-rejected-submissions': rejectedSubmissions,
  '006-drop-raw-contact-indexes': dropRawContactIndexes,
  '007-lifecycle': lifecycle,
  '008-notifications': notifications,
  '009-rep-channels': repChannels,
  '010-reports': reports,
  '011-report-days': reportDays,
  '012-external-key': externalKey,
  '013-notification-messages': notificationMessages,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
