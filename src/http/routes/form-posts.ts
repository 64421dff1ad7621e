import { z } from 'zod';
import { submitForm } from '../../service/form-capture.js';
import { getForm, originAllowed, type StoredForm } from '../../service/forms.js';
import { acceptUrlEncoded } from '../content-types.js';
import type { App, AppContext } from '../context.js';
import { aboutBody, ApiError } from '../errors.js';
import { ErrorResponse } from '../schemas/common.js';
import { FormAccepted, FormParams, FormPost } from '../schemas/forms.js';

/** CORS headers for a page at an origin the form allows; nothing but Vary for any other. */
function corsHeaders(form: StoredForm, origin: string | undefined): Record<string, string> {
  return originAllowed(form, origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

/**
 * Public form posts and their CORS preflight. Register in a scope of its own: it makes the scope
 * take urlencoded bodies, which no other endpoint does.
 */
export function formPostRoutes(app: App, ctx: AppContext): void {
  const tags = ['sources'];
  acceptUrlEncoded(app);

  app.options(
    '/v1/forms/:key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'CORS preflight for a form post',
        description: "204 with Access-Control-Allow-Origin for an origin the form allows; 403 for any other; 404 for an unknown form.",
        params: FormParams,
        response: { 204: z.null().describe('allowed'), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const form = await getForm(ctx.db, request.params.key);
      const origin = request.headers.origin;
      if (!originAllowed(form, origin)) throw new ApiError(403, 'forbidden', `origin ${origin ?? '(none)'} may not post to this form`);
      return reply
        .code(204)
        .headers({
          ...corsHeaders(form, origin),
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'content-type',
          'access-control-max-age': '600',
        })
        .send(null);
    },
  );

  app.post(
    '/v1/forms/:key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Post a form (public: no API key)',
        description:
          'urlencoded or JSON; Salesforce Web-to-Lead names (first_name, email, zip, lead_source, …) as they are, the form ' +
          "mapping, leadrouter names; the rest is kept in custom. The lead's source is lead_source, else the form's source, " +
          'else the form key. 303 to retURL (or the thank-you URL) when its host is the thank-you URL\'s or an allowed ' +
          'redirect host; otherwise 200. A post that fills in the honeypot is answered the same way but stored as a rejected ' +
          'submission, not as a lead, and not routed (counted in leadrouter_form_spam_total). 400 naming the fields of an ' +
          'invalid lead; 404 for an unknown form.',
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        params: FormParams,
        body: FormPost,
        response: { 200: FormAccepted, 303: z.null().describe('to retURL or the thank-you URL'), 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const form = await getForm(ctx.db, request.params.key);
      reply.headers(corsHeaders(form, request.headers.origin));
      const stop = ctx.metrics.startCapture();
      const submission = await aboutBody(submitForm(ctx.captures, form, request.body, ctx.defaultCountry));
      if (submission.kind === 'captured') {
        stop();
        ctx.metrics.captured(submission.result);
      } else ctx.metrics.caughtSpam(form.key);
      if (submission.redirect !== undefined) return reply.redirect(submission.redirect, 303);
      return { accepted: true as const };
    },
  );
}
