import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openTestApp, type Role, type TestApp } from '../../src/http/test-support.js';
import type { AppDeps } from '../../src/http/app.js';
import type { StoreTarget } from '../../src/store/test-support.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Debian's Chromium, as CI installs it (`apt-get install chromium`). */
export const CHROMIUM = process.env.LEADROUTER_CHROMIUM ?? '/usr/bin/chromium';

/** The service on a real port (insurance example, a key per role — the rep key is Emma's) and a real Chromium driving its console. */
export interface ConsoleHarness {
  api: TestApp;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  browser: Browser;
  /** A fresh browser context signed in with this role's key (or any key), on its landing page. */
  signedIn(role: Role | { key: string }, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export const LAPTOP = { width: 1366, height: 860 };
export const PHONE = { width: 390, height: 844 };

export async function openConsole(store: StoreTarget, options: Partial<AppDeps> = {}): Promise<ConsoleHarness> {
  const api = await openTestApp(store, options);
  const url = await api.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    api,
    url,
    browser,
    async signedIn(who, viewport = LAPTOP) {
      const context = await browser.newContext({ viewport, baseURL: url });
      const page = await context.newPage();
      await page.goto('/');
      await page.getByLabel('API key').fill(typeof who === 'string' ? api.keys[who] : who.key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await api.close();
    },
  };
}

/** Saves a screenshot of the page to docs/screenshots/<name>.png, for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
