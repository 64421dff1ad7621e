import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { packageRoot } from '../settings/package.js';
import type { App } from './context.js';
import { notFoundHandler } from './errors.js';

/** Where `npm run build` puts the console (`vite build` of web/). */
export const CONSOLE_DIR = join(packageRoot(), 'dist', 'web');

/**
 * The console does all its work through the public API, so its pages need nothing from other
 * origins and run no inline script: a lead's fields can never become code, whatever they hold.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // CodeMirror and Chart.js set element styles from script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * The web console at `/`: its files, and index.html for every other path outside the API so a
 * deep link (`/leads/…`) opens the right page. Hashed assets are cached for good; index.html is
 * always fetched again, so a new build is picked up at the next load.
 */
export function consoleRoutes(app: App, dir = CONSOLE_DIR): void {
  const built = existsSync(join(dir, 'index.html'));
  if (built) void app.register(fastifyStatic, { root: dir, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (/^(v1|openapi\.json|healthz|metrics)(\/|$)/.test(path)) return notFoundHandler(request, reply);
    if (!built) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The web console is not built: run `npm run build`, then restart. The API is at /v1.\n');
    }
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    if (extname(path) !== '' && existsSync(join(dir, path))) {
      return reply.sendFile(path, { maxAge: path.startsWith('assets/') ? '365d' : 0, immutable: path.startsWith('assets/') });
    }
    if (extname(path) !== '') return notFoundHandler(request, reply);
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}
