import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { westHealth } from '../../src/http/test-support.js';
import { STORES } from '../../src/store/test-support.js';
import { openConsole, screenshot, type ConsoleHarness } from './harness.js';

const WEST = ['Diego Alvarez', 'Emma Lee', 'Farah Haddad'];
const LEADS = 8;

describe('the reports page', { timeout: 90_000 }, () => {
  let ui: ConsoleHarness;
  beforeAll(async () => {
    ui = await openConsole(STORES[0]!);
    // California health leads: dealt in rotation to the west team, accepted, and called back after 1 to 8 minutes.
    for (let n = 1; n <= LEADS; n++) {
      const captured = await ui.api.call('capture', 'POST', '/v1/leads', westHealth(n));
      expect(captured.statusCode).toBe(201);
      const id = captured.json().lead.id as string;
      expect((await ui.api.call('manager', 'POST', `/v1/leads/${id}/accept`)).statusCode).toBe(200);
      ui.api.clock.advance(n * 60_000);
      expect((await ui.api.call('manager', 'POST', `/v1/leads/${id}/activities`, { type: 'contacted' })).statusCode).toBe(200);
    }
  }, 60_000);
  afterAll(async () => ui?.close());

  it('shows speed to lead as a chart and a table over the last 30 days', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reports');
    const chart = page.getByRole('img', { name: /speed to lead by rep/i });
    await chart.waitFor();
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/median and the 90th percentile/);
    const table = page.getByRole('table', { name: 'Speed to lead by rep' });
    for (const rep of WEST) await table.getByRole('rowheader', { name: rep }).waitFor();
    await expect(table.locator('tfoot tr').textContent()).resolves.toMatch(new RegExp(`^All${LEADS}`));
    await screenshot(page, 'reports');
    await page.context().close();
  });

  it('shows fairness as received against intended share per rep', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reports');
    await page.getByRole('tab', { name: 'Fairness' }).click();
    const chart = page.getByRole('img', { name: /share of their team’s leads/ });
    await chart.waitFor();
    await expect(page.getByLabel('Group by').isDisabled()).resolves.toBe(true);
    const table = page.getByRole('table', { name: 'Leads received against intended share, per rep and team' });
    const emma = table.getByRole('row', { name: /^Emma Lee/ });
    // Emma has weight 2 of 4 in West health: half the team's leads are meant for her.
    await expect(emma.textContent()).resolves.toMatch(/West health250\s?%/);
    await screenshot(page, 'reports-fairness');
    await page.context().close();
  });

  it('groups a report by source', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reports');
    await page.getByRole('table', { name: 'Speed to lead by rep' }).waitFor();
    await page.getByLabel('Group by').selectOption('source');
    await page.getByRole('table', { name: 'Speed to lead by source' }).getByRole('rowheader', { name: 'web' }).waitFor();
    await page.context().close();
  });

  it('downloads a report as CSV', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reports');
    await page.getByRole('table', { name: 'Speed to lead by rep' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV of speed to lead' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^leadrouter-speed-to-lead-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-by-rep\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).toContain(',');
    expect(csv).toContain('emma');
    await page.context().close();
  });

  it('says so when the range is backwards', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reports');
    await page.getByLabel('From').fill('2026-11-20');
    await page.getByLabel('To (included)').fill('2026-11-10');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('The first day must be on or before the last day.');
    await page.context().close();
  });
});
