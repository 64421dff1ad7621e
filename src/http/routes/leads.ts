import { z } from 'zod';
import type { Problem } from '../../capture/index.js';
import type { ApiKeyRole } from '../../service/api-keys.js';
import type { CaptureResult } from '../../service/capture.js';
import { ServiceError } from '../../service/errors.js';
import { decisionOf, findLead, findLeads, leadDecision, leadTimeline } from '../../service/leads-query.js';
import { principalOf } from '../auth.js';
import { requestHash } from '../canonical-json.js';
import type { App, AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ApiError, locatedIn, toErrorResponse } from '../errors.js';
import { normalizeBody } from '../lead-input.js';
import { ErrorResponse } from '../schemas/common.js';
import type {
  BatchItem} from '../schemas/leads.js';
import {
  BatchBody,
  BatchResponse,
  CaptureHeaders,
  CaptureResponse,
  Decision,
  LeadInput,
  LeadListQuery,
  LeadPage,
  LeadParams,
  Lead,
  TimelinePage,
} from '../schemas/leads.js';
import { issuesToDetails } from '../validation.js';
import { decisionView, eventView, leadView, leadViews } from '../views.js';

const CAPTURERS: readonly ApiKeyRole[] = ['admin', 'manager', 'capture'];
const READERS: readonly ApiKeyRole[] = ['admin', 'manager', 'rep'];

const LeadCursor = z.strictObject({ c: z.number(), i: z.string() });

const problemsMessage = (problems: readonly Problem[]) =>
  problems.length === 1 ? `${problems[0]!.path || 'the lead'}: ${problems[0]!.message}` : `the lead has ${problems.length} problems`;

/** The answer to a capture: what happened, the lead, and the decision that placed it. */
async function captureView(ctx: AppContext, result: CaptureResult, warnings: unknown): Promise<z.output<typeof CaptureResponse>> {
  const decision = result.kind === 'created' ? result.decision : ((await decisionOf(ctx.db, result.lead.id)) ?? null);
  return {
    result: result.kind,
    lead: leadView(result.lead),
    decision: decision && decisionView(decision),
    ...(result.kind === 'duplicate' && { duplicateOf: result.lead.id }),
    warnings: warnings as Problem[],
  };
}

const statusOf = (result: CaptureResult) => (result.kind === 'created' ? 201 : 200);

/** The leads endpoints: capture one or many, list, read one with its timeline and decision. */
export function leadRoutes(app: App, ctx: AppContext, batchBodyLimit: number): void {
  /** Normalises and captures one lead; field problems are located under `at`. */
  async function capture(body: unknown, at: string, actor: string, idempotency: { key: string; body: unknown } | undefined) {
    const normalized = normalizeBody(body, ctx.defaultCountry);
    if (!normalized.ok) throw new ApiError(400, 'invalid_request', problemsMessage(normalized.errors), locatedIn(at, normalized.errors));
    const stop = ctx.metrics.startCapture();
    const result = await ctx.captures.submit({
      lead: normalized.lead,
      actor,
      ...(idempotency && { idempotency: { key: `${actor}:${idempotency.key}`, requestHash: requestHash(idempotency.body) } }),
    });
    stop();
    ctx.metrics.captured(result);
    return { result, warnings: locatedIn(at, normalized.warnings) };
  }

  app.post(
    '/v1/leads',
    {
      config: { access: CAPTURERS },
      schema: {
        tags: ['leads'],
        summary: 'Capture one lead',
        description:
          'Normalises the lead, dedupes it, routes it and commits it before answering. 201: created and routed. 200: the same ' +
          'request again (same Idempotency-Key and body, or an externalId its source sent before; `result: replayed`), or a lead with the ' +
          'email or phone of an open lead, linked to it and not routed again (`result: duplicate`). 409: the Idempotency-Key ' +
          'was used with a different body. Idempotency keys are per API key.',
        headers: CaptureHeaders,
        body: LeadInput,
        response: { 200: CaptureResponse, 201: CaptureResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { result, warnings } = await capture(request.body, 'body', principalOf(request).keyId, key ? { key, body: request.body } : undefined);
      if (result.kind === 'replayed') reply.header('idempotent-replayed', 'true');
      return reply.code(statusOf(result)).send(await captureView(ctx, result, warnings));
    },
  );

  app.post(
    '/v1/leads/batch',
    {
      bodyLimit: batchBodyLimit,
      config: { access: CAPTURERS },
      schema: {
        tags: ['leads'],
        summary: 'Capture up to 1,000 leads, each on its own',
        description:
          'Each lead is checked and captured on its own (its own transaction): one bad lead does not stop the others. The answer ' +
          'is 200 with a result per lead, in order, each with the status it would have had alone. With an Idempotency-Key, ' +
          'lead i is captured under the key `<key>#i`, so a retried batch creates nothing twice.',
        headers: CaptureHeaders,
        body: BatchBody,
        response: { 200: BatchResponse },
      },
    },
    async (request) => {
      const actor = principalOf(request).keyId;
      const key = request.headers['idempotency-key'];
      const data: z.output<typeof BatchItem>[] = [];
      const counts = { created: 0, replayed: 0, duplicate: 0, failed: 0 };
      for (const [index, item] of request.body.leads.entries()) {
        const at = `body.leads[${index}]`;
        try {
          const parsed = LeadInput.safeParse(item);
          if (!parsed.success) {
            const details = issuesToDetails(at, parsed.error.issues);
            throw new ApiError(400, 'invalid_request', `${details.length} problem(s) in this lead`, details);
          }
          const { result, warnings } = await capture(parsed.data, at, actor, key ? { key: `${key}#${index}`, body: parsed.data } : undefined);
          counts[result.kind]++;
          data.push({ index, status: statusOf(result), ...(await captureView(ctx, result, warnings)) });
        } catch (error) {
          if (!(error instanceof ApiError) && !(error instanceof ServiceError)) throw error;
          const { status, body } = toErrorResponse(error);
          counts.failed++;
          data.push({ index, status, error: body.error });
        }
      }
      return { data, counts };
    },
  );

  app.get(
    '/v1/leads',
    {
      config: { access: READERS },
      schema: {
        tags: ['leads'],
        summary: 'List leads, newest first',
        description: 'A rep key lists only the leads it owns.',
        querystring: LeadListQuery,
        response: { 200: LeadPage },
      },
    },
    async (request) => {
      const { cursor, limit, createdFrom, createdTo, ...filter } = request.query;
      const after = decodeCursor(cursor, LeadCursor);
      const page = await findLeads(
        ctx.db,
        principalOf(request),
        {
          ...filter,
          ...(createdFrom !== undefined && { createdFrom: Date.parse(createdFrom) }),
          ...(createdTo !== undefined && { createdTo: Date.parse(createdTo) }),
        },
        { limit, ...(after && { after: { createdAt: after.c, id: after.i } }) },
      );
      return { data: await leadViews(ctx.db, page.items), nextCursor: page.next && encodeCursor({ c: page.next.createdAt, i: page.next.id }) };
    },
  );

  const readOne = { config: { access: READERS }, tags: ['leads'], notFound: 'A rep key gets 404 for a lead it does not own.' };

  app.get(
    '/v1/leads/:id',
    { config: readOne.config, schema: { tags: readOne.tags, summary: 'One lead', description: readOne.notFound, params: LeadParams, response: { 200: Lead, 404: ErrorResponse } } },
    async (request) => (await leadViews(ctx.db, [await findLead(ctx.db, principalOf(request), request.params.id)]))[0]!,
  );

  app.get(
    '/v1/leads/:id/timeline',
    {
      config: readOne.config,
      schema: { tags: readOne.tags, summary: "A lead's timeline, oldest first", description: readOne.notFound, params: LeadParams, response: { 200: TimelinePage, 404: ErrorResponse } },
    },
    async (request) => ({ data: (await leadTimeline(ctx.db, principalOf(request), request.params.id)).map(eventView), nextCursor: null }),
  );

  app.get(
    '/v1/leads/:id/decision',
    {
      config: readOne.config,
      schema: {
        tags: readOne.tags,
        summary: "A lead's latest routing decision, with its explanation",
        description: `${readOne.notFound} 404 too when the lead was never decided (held while no configuration was active).`,
        params: LeadParams,
        response: { 200: Decision, 404: ErrorResponse },
      },
    },
    async (request) => decisionView(await leadDecision(ctx.db, principalOf(request), request.params.id)),
  );
}
