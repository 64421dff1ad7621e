import type { FastifyRequest } from 'fastify';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { accept, closeLead, logActivity, reassign, reject, type Caller, type LifecycleResult } from '../../service/lifecycle.js';
import { principalOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { aboutBody } from '../errors.js';
import { ErrorResponse } from '../schemas/common.js';
import { LeadParams } from '../schemas/leads.js';
import { ActivityBody, LifecycleResponse, OutcomeBody, ReassignBody, RejectBody } from '../schemas/lifecycle.js';
import type { Db } from '../../store/database.js';
import { decisionView, leadViews } from '../views.js';

const WORKERS: readonly ApiKeyRole[] = ['admin', 'manager', 'rep'];
const MANAGERS: readonly ApiKeyRole[] = ['admin', 'manager'];

/** The caller of a lead action: the key, and the rep a rep key acts as. */
export const callerOf = (request: FastifyRequest): Caller => {
  const principal = principalOf(request);
  return { actor: principal.keyId, repId: principal.role === 'rep' ? principal.repId : null };
};

const changeView = async (db: Db, { lead, decision }: LifecycleResult) => ({ lead: (await leadViews(db, [lead]))[0]!, decision: decision && decisionView(decision) });

const responses = { 200: LifecycleResponse, 404: ErrorResponse, 409: ErrorResponse };
const ownOnly = 'A rep key acts only on leads it is offered or owns (404 for any other). An action the lead’s status does not allow is a 409 naming the status and what is allowed.';

/** What happens to a lead after routing: accept, reject, activities, outcome, manager reassignment. */
export function lifecycleRoutes(app: App, ctx: AppContext): void {
  const tags = ['lifecycle'];

  app.post(
    '/v1/leads/:id/accept',
    { config: { access: WORKERS }, schema: { tags, summary: 'Accept an offered lead', description: `The lead becomes assigned; the first-contact deadline starts. ${ownOnly}`, params: LeadParams, response: responses } },
    async (request) => changeView(ctx.db, await accept(ctx, request.params.id, callerOf(request))),
  );

  app.post(
    '/v1/leads/:id/reject',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Reject an offered lead',
        description: `The lead is offered to the next best rep — never again to one who rejected it or let it expire — or queued or held. ${ownOnly}`,
        params: LeadParams,
        body: RejectBody,
        response: responses,
      },
    },
    async (request) => changeView(ctx.db, await reject(ctx, request.params.id, callerOf(request), request.body.reason ?? null)),
  );

  app.post(
    '/v1/leads/:id/activities',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Log an activity',
        description: `A contact (contacted, call, email, meeting) on an assigned lead makes it contacted and meets the first-contact deadline; a note is kept on the timeline in any status. ${ownOnly}`,
        params: LeadParams,
        body: ActivityBody,
        response: responses,
      },
    },
    async (request) => changeView(ctx.db, await logActivity(ctx, request.params.id, callerOf(request), { type: request.body.type, note: request.body.note ?? null })),
  );

  app.post(
    '/v1/leads/:id/outcome',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Close a lead as won or lost',
        description: `Won with its revenue, or lost with a reason. The owner’s load drops and their record (which the performance strategy learns from) counts it; held leads are looked at again. ${ownOnly}`,
        params: LeadParams,
        body: OutcomeBody,
        response: responses,
      },
    },
    async (request) => {
      const body = request.body;
      const result = body.outcome === 'won' ? { outcome: 'won' as const, revenue: body.revenue ?? null } : { outcome: 'lost' as const, reason: body.reason ?? null };
      return changeView(ctx.db, await closeLead(ctx, request.params.id, callerOf(request), result));
    },
  );

  app.post(
    '/v1/leads/:id/reassign',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Reassign a lead (managers)',
        description: 'To the rep named, assigned at once; or, without a rep, routed again without its current owner. The owner before loses it from their load, and the managers are told.',
        params: LeadParams,
        body: ReassignBody,
        response: { ...responses, 400: ErrorResponse },
      },
    },
    async (request) => changeView(ctx.db, await aboutBody(reassign(ctx, request.params.id, callerOf(request), request.body))),
  );
}
