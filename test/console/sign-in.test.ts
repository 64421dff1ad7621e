import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES } from '../../src/store/test-support.js';
import { openConsole, PHONE, screenshot, type ConsoleHarness } from './harness.js';

describe('signing in to the console', () => {
  let ui: ConsoleHarness;
  beforeAll(async () => {
    ui = await openConsole(STORES[0]!);
  }, 30_000);
  afterAll(async () => ui?.close());

  it('shows a manager the live board and the manager pages', async () => {
    const page = await ui.signedIn('manager');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Live board', 'Leads', 'Reports', 'Reps', 'Teams', 'Routing', 'Forms']),
    );
    expect(new URL(page.url()).pathname).toBe('/board');
    await page.context().close();
  });

  it('shows a rep only the inbox and the profile', async () => {
    const page = await ui.signedIn('rep');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).resolves.toEqual(['Inbox', 'Profile']);
    expect(new URL(page.url()).pathname).toBe('/inbox');
    await page.context().close();
  });

  it('says in words that a wrong key was refused', async () => {
    const context = await ui.browser.newContext({ baseURL: ui.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('API key').fill('lr_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/key/i);
    await screenshot(page, 'sign-in');
    await context.close();
  });

  it('opens a deep link to a page after signing in', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reps');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/reps');
    await page.context().close();
  });

  it('fits a phone screen behind a menu button', async () => {
    const page = await ui.signedIn('manager', PHONE);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await menu.click();
    await page.getByRole('link', { name: 'Leads' }).click();
    expect(new URL(page.url()).pathname).toBe('/leads');
    await page.context().close();
  });
});
