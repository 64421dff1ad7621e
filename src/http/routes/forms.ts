import type { ApiKeyRole } from '../../service/api-keys.js';
import { createForm, listForms } from '../../service/forms.js';
import type { App, AppContext } from '../context.js';
import { aboutBody } from '../errors.js';
import { ErrorResponse, page } from '../schemas/common.js';
import { CreateFormBody, FormSource } from '../schemas/forms.js';
import { formView } from '../views.js';

const MANAGERS: readonly ApiKeyRole[] = ['admin', 'manager'];

/** Form sources, managed by admins and managers: list, create. */
export function formRoutes(app: App, ctx: AppContext): void {
  const tags = ['sources'];

  app.get(
    '/v1/forms',
    { config: { access: MANAGERS }, schema: { tags, summary: 'List form sources, by key', response: { 200: page(FormSource) } } },
    async () => ({ data: (await listForms(ctx.db)).map(formView), nextCursor: null }),
  );

  app.post(
    '/v1/forms',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Create a form source',
        description: 'The mapping is checked against the lead fields (400 naming each bad entry); 409 when the key is taken.',
        body: CreateFormBody,
        response: { 201: FormSource, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.code(201).send(formView(await aboutBody(createForm(ctx.db, request.body, ctx.clock)))),
  );
}
