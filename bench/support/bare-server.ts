/**
 * The baseline of bench:capture: bare fastify answering the same JSON POST as leadrouter's
 * capture — parse the body, validate it with a zod schema of the lead's fields, reply 201 with
 * the lead — and nothing else. Run as `node bare-server.js <port>`.
 */
import Fastify from 'fastify';
import { z } from 'zod';

const Text = z.string().max(500).optional();
const LeadBody = z.strictObject({
  firstName: Text,
  lastName: Text,
  email: z.email().optional(),
  phone: Text,
  company: Text,
  country: Text,
  region: Text,
  city: Text,
  postalCode: Text,
  language: Text,
  product: Text,
  value: z.number().min(0).optional(),
  source: Text,
  custom: z.record(z.string(), z.unknown()).optional(),
});

const app = Fastify();
app.post('/v1/leads', async (request, reply) => {
  const parsed = LeadBody.safeParse(request.body);
  if (!parsed.success) return reply.code(400).send({ error: { code: 'invalid_request', message: parsed.error.message } });
  return reply.code(201).send({ lead: { id: crypto.randomUUID(), status: 'new', ...parsed.data } });
});
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
