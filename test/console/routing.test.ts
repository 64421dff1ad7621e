import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { westHealth } from '../../src/http/test-support.js';
import { STORES } from '../../src/store/test-support.js';
import { openConsole, screenshot, type ConsoleHarness } from './harness.js';

const INSURANCE = readFileSync('examples/insurance/routing.yaml', 'utf8');

/** The insurance configuration with California health leads sent to the enterprise desk, ahead of west-health. */
const CA_HEALTH_TO_ENTERPRISE = INSURANCE.replace(
  '  - name: west-health\n',
  '  - name: ca-health\n    when: { all: [ { region: CA }, { product: health } ] }\n    assign: { team: enterprise, strategy: round-robin }\n  - name: west-health\n',
);

const EDITOR = 'Routing configuration (YAML)';

describe('the routing configuration editor', { timeout: 90_000 }, () => {
  let ui: ConsoleHarness;
  beforeAll(async () => {
    ui = await openConsole(STORES[0]!);
  }, 30_000);
  afterAll(async () => ui?.close());

  async function openEditor(): Promise<Page> {
    const page = await ui.signedIn('manager');
    await page.goto('/routing');
    await page.getByRole('textbox', { name: EDITOR }).waitFor();
    await page.getByText('No problems found.').waitFor();
    return page;
  }

  /** Puts the cursor on the line holding `containing`, selects it from its indentation to its end and types `replacement` over it. */
  async function replaceLine(page: Page, containing: string, replacement: string): Promise<void> {
    await page.locator('.cm-line', { hasText: containing }).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.insertText(replacement);
  }

  /** Replaces the whole text in the editor. */
  async function replaceAll(page: Page, text: string): Promise<void> {
    await page.getByRole('textbox', { name: EDITOR }).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(text);
  }

  const liveVersion = async () => (await ui.api.call('manager', 'GET', '/v1/routing-config')).json().version as number;
  const newestVersion = async () => (await ui.api.call('manager', 'GET', '/v1/routing-config/versions?limit=1')).json().data[0].version as number;

  it('a config with an error shows the path', async () => {
    const page = await openEditor();
    await replaceLine(page, 'team: enterprise, strategy: performance', 'assign: { team: nowhere, strategy: performance }');

    const problem = page.getByRole('button', { name: /routes\[1\]\.assign\.team/ });
    await expect(problem.textContent()).resolves.toBe('routes[1].assign.team (line 22): unknown team "nowhere"');
    await page.locator('.cm-lintRange-error').first().waitFor();
    await problem.click();
    await expect(page.locator('.cm-activeLine').textContent()).resolves.toContain('team: nowhere');

    const newest = await newestVersion();
    await page.getByRole('button', { name: 'Save & activate' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'routes[1].assign.team' });
    await expect(alert.textContent()).resolves.toMatch(/routes\[1\]\.assign\.team \(line 22\): unknown team "nowhere"/);
    expect(await newestVersion()).toBe(newest);
    await screenshot(page, 'routing-editor');
    await page.context().close();
  });

  it('editing and activating a valid change creates a new version listed in the history', async () => {
    const page = await openEditor();
    const next = (await newestVersion()) + 1;
    await replaceLine(page, 'timeout: 5m', 'timeout: 10m');
    await page.getByText('No problems found.').waitFor();

    await page.getByRole('button', { name: 'Save & activate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Save and activate?' });
    await confirm.getByRole('button', { name: 'Save & activate' }).click();
    await page.getByText(`Saved as version ${next}, now live`).waitFor();
    expect(await liveVersion()).toBe(next);

    await page.getByRole('tab', { name: 'Version history' }).click();
    const row = page.getByRole('row', { name: new RegExp(`^Version ${next} `) });
    await row.getByText('Live', { exact: true }).waitFor();
    await page.context().close();
  });

  it('rolls back to version 1 from the version history', async () => {
    const saved = await ui.api.call('manager', 'POST', '/v1/routing-config', { source: INSURANCE.replace('firstContact: 15m', 'firstContact: 30m'), activate: true });
    expect(saved.statusCode).toBe(201);
    const page = await openEditor();

    await page.getByRole('tab', { name: 'Version history' }).click();
    await page.getByRole('row', { name: /^Version 1 / }).getByRole('button', { name: 'Roll back to this version (version 1)' }).click();
    await page.getByRole('dialog', { name: 'Make version 1 live?' }).getByRole('button', { name: 'Roll back' }).click();
    await page.getByText('Rolled back: version 1 is live again.').waitFor();
    expect(await liveVersion()).toBe(1);
    await page.getByRole('row', { name: /^Version 1 / }).getByText('Live', { exact: true }).waitFor();
    // The editor held the live text, so it follows the rollback.
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.locator('.cm-line', { hasText: /firstContact: 15m/ }).waitFor();
    await page.context().close();
  });

  it('shows a version’s source from the history', async () => {
    const page = await openEditor();
    await page.getByRole('tab', { name: 'Version history' }).click();
    await page.getByRole('row', { name: /^Version 1 / }).getByRole('button', { name: 'View version 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Version 1' });
    await expect(dialog.getByLabel('Source of version 1').textContent()).resolves.toContain('name: west-health');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.context().close();
  });

  it('shows the draft’s changes against the live version', async () => {
    const page = await openEditor();
    await replaceLine(page, 'maxAttempts: 3', 'maxAttempts: 4');
    await page.getByRole('tab', { name: 'Changes' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Changes' });
    await panel.getByText(/^Changed: line \d+ of the live version changed/).waitFor();
    await panel.locator('.cm-deletedChunk', { hasText: 'maxAttempts: 3' }).waitFor();
    await page.context().close();
  });

  it('the impact table lists a changed lead for a draft that moves CA health leads elsewhere', async () => {
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const res = await ui.api.call('capture', 'POST', '/v1/leads', westHealth(n));
      expect(res.statusCode).toBe(201);
      ids.push(res.json().lead.id);
      ui.api.clock.advance(1000);
    }
    const page = await openEditor();
    await replaceAll(page, CA_HEALTH_TO_ENTERPRISE);
    await page.getByText('No problems found.').waitFor();

    await page.getByRole('tab', { name: 'What would change' }).click();
    const changed = page.getByRole('table', { name: 'Leads the draft would route differently' });
    const link = changed.getByRole('link', { name: 'Pat2 Jones' });
    await expect(link.getAttribute('href')).resolves.toBe(`/leads/${ids[1]}`);
    await expect(changed.getByRole('row', { name: /Pat2 Jones/ }).textContent()).resolves.toMatch(/west-health.*ca-health/);
    await expect(page.getByRole('table', { name: 'Leads by route, now and with the draft' }).getByRole('row', { name: /^ca-health / }).textContent()).resolves.toMatch(/ca-health0\d+\+\d+/);
    await screenshot(page, 'routing-impact');

    await link.click();
    await page.waitForURL(`**/leads/${ids[1]}`);
    await page.context().close();
  });
});
