import { z } from 'zod';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { importCsvText } from '../../service/csv-import.js';
import { principalOf } from '../auth.js';
import { acceptCsv } from '../content-types.js';
import type { App, AppContext } from '../context.js';
import { ImportQuery, ImportReport } from '../schemas/forms.js';

const IMPORTERS: readonly ApiKeyRole[] = ['admin', 'manager'];

/** The largest CSV file an import takes. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/** CSV import over HTTP. Register in a scope of its own: it makes the scope take text/csv bodies. */
export function importRoutes(app: App, ctx: AppContext): void {
  acceptCsv(app);

  app.post(
    '/v1/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: IMPORTERS },
      schema: {
        tags: ['sources'],
        summary: 'Import leads from a CSV file (text/csv body, up to 50 MiB)',
        description:
          'Columns by header: leadrouter names, Salesforce Web-to-Lead names, custom.<name>. Each row is normalised, deduped ' +
          'and routed like any capture, committed in batches. 200 with counts and the rows not imported, by line; 400 (with ' +
          'the line) for a file that is not valid CSV, before anything is imported.',
        consumes: ['text/csv'],
        querystring: ImportQuery,
        body: z.string().describe('CSV text with a header row'),
        response: { 200: ImportReport },
      },
    },
    async (request) =>
      importCsvText(ctx, request.body, {
        source: request.query.source ?? 'import',
        defaultCountry: ctx.defaultCountry,
        actor: principalOf(request).keyId,
      }),
  );
}
