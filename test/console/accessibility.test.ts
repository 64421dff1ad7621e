/// <reference lib="dom" />
// (code passed to page.evaluate runs in the browser)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { westHealth } from '../../src/http/test-support.js';
import { STORES } from '../../src/store/test-support.js';
import { LAPTOP, openConsole, PHONE, type ConsoleHarness } from './harness.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A and AA checks on the page as it stands, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const MANAGER_PAGES = ['/board', '/leads', '/reports', '/reps', '/teams', '/routing', '/forms'];
const ADMIN_PAGES = ['/webhooks', '/api-keys'];
const REP_PAGES = ['/inbox', '/profile'];

describe('the console’s accessibility (axe-core, WCAG 2.1 AA)', () => {
  let ui: ConsoleHarness;
  let leadId: string;
  beforeAll(async () => {
    ui = await openConsole(STORES[0]!);
    leadId = (await ui.api.call('admin', 'POST', '/v1/leads', westHealth(1))).json().lead.id;
  }, 60_000);
  afterAll(async () => ui?.close());

  async function check(role: 'manager' | 'admin' | 'rep', paths: string[], viewport: { width: number; height: number }) {
    const context = await ui.browser.newContext({ viewport, baseURL: ui.url, bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('API key').fill(ui.api.keys[role]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle').catch(() => {});
      problems.push(...(await violations(page)).map((line) => `${path}: ${line}`));
    }
    await context.close();
    return problems;
  }

  it('finds no violations on the sign-in page', async () => {
    const context = await ui.browser.newContext({ viewport: LAPTOP, baseURL: ui.url, bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('API key').waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('finds no violations on the manager’s pages at laptop width', async () => {
    expect(await check('manager', [...MANAGER_PAGES, `/leads/${leadId}`], LAPTOP)).toEqual([]);
  });

  it('finds no violations on the admin’s own pages', async () => {
    expect(await check('admin', ADMIN_PAGES, LAPTOP)).toEqual([]);
  });

  it('finds no violations on the rep’s pages at phone width', async () => {
    expect(await check('rep', [...REP_PAGES, `/leads/${leadId}`], PHONE)).toEqual([]);
  });
});
