import type { Problem } from '../../capture/index.js';
import type { Lead } from '../../engine/index.js';
import { simulate } from '../../service/simulate.js';
import type { App, AppContext } from '../context.js';
import { ApiError, locatedIn } from '../errors.js';
import { normalizeBody } from '../lead-input.js';
import { LeadInput } from '../schemas/leads.js';
import { SimulateBody, SimulateResponse } from '../schemas/routing.js';
import { issuesToDetails } from '../validation.js';
import { decisionView } from '../views.js';

/** POST /v1/simulate: decisions for given leads against the live or a draft configuration; nothing is written. */
export function simulateRoutes(app: App, ctx: AppContext, bodyLimit: number): void {
  app.post(
    '/v1/simulate',
    {
      bodyLimit,
      config: { access: ['admin', 'manager'] },
      schema: {
        tags: ['routing'],
        summary: 'Decide leads against the live or a draft configuration, without side effects',
        description:
          'Uses the reps, teams and rotation state of now; each lead sees the rotation and load the ones before it would leave. ' +
          'Nothing is stored. 400 for a lead with problems (body.leads[2].email) or a draft with errors (every error with path and line).',
        body: SimulateBody,
        response: { 200: SimulateResponse },
      },
    },
    async (request) => {
      const leads: Lead[] = [];
      const problems: unknown[] = [];
      request.body.leads.forEach((item, index) => {
        const at = `body.leads[${index}]`;
        const parsed = LeadInput.safeParse(item);
        if (!parsed.success) return problems.push(...issuesToDetails(at, parsed.error.issues));
        const normalized = normalizeBody(parsed.data, ctx.defaultCountry);
        if (!normalized.ok) return problems.push(...(locatedIn(at, normalized.errors) as Problem[]));
        leads.push(normalized.lead);
      });
      if (problems.length) throw new ApiError(400, 'invalid_request', `${problems.length} problem(s) in the leads`, problems);
      const { body } = request;
      const result = await simulate(ctx, {
        leads,
        ...(body.config !== undefined && { config: body.config }),
        ...(body.at !== undefined && { at: Date.parse(body.at) }),
      });
      return {
        configVersion: result.configVersion,
        at: new Date(result.at).toISOString(),
        data: result.decisions.map(({ lead, decision }, index) => ({ index, lead: { ...lead }, decision: decisionView(decision) })),
      };
    },
  );
}
