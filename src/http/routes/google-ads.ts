import { z } from 'zod';
import { captureGoogleAdsLead } from '../../service/form-capture.js';
import { getForm } from '../../service/forms.js';
import type { App, AppContext } from '../context.js';
import { aboutBody } from '../errors.js';
import { ErrorResponse } from '../schemas/common.js';
import { FormParams, GoogleAdsPayload } from '../schemas/forms.js';

/** The Google Ads lead form webhook, public: the payload's google_key is the credential. */
export function googleAdsRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/v1/integrations/google-ads/:key',
    {
      config: { access: 'public' },
      schema: {
        tags: ['sources'],
        summary: 'Google Ads lead form webhook (public: checked by google_key)',
        description:
          "Set the webhook URL to this path with the form source's key and its key as the webhook key. 403 when google_key " +
          'is missing or not the form\'s. user_column_data is mapped by column_id; lead_id is the externalId, so a retry ' +
          'is answered 200 without a second lead; is_test leads are marked as tests. 200 `{}` once the lead is committed.',
        params: FormParams,
        body: GoogleAdsPayload,
        response: { 200: z.object({}).describe('taken'), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const form = await getForm(ctx.db, request.params.key);
      const stop = ctx.metrics.startCapture();
      const result = await aboutBody(captureGoogleAdsLead(ctx.captures, form, request.body, ctx.defaultCountry));
      stop();
      ctx.metrics.captured(result);
      return {};
    },
  );
}
