/// <reference lib="dom" />
// (code passed to page.evaluate runs in the browser)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES } from '../../src/store/test-support.js';
import { openConsole, screenshot, type ConsoleHarness } from './harness.js';

describe('the administration pages', { timeout: 30_000 }, () => {
  let ui: ConsoleHarness;
  beforeAll(async () => {
    ui = await openConsole(STORES[0]!);
  }, 30_000);
  afterAll(async () => ui?.close());

  /** Calls the API with a key of any kind, as an integration would. */
  const withKey = (key: string, url: string) => ui.api.call(null, 'GET', url, undefined, { authorization: `Bearer ${key}` });

  it('lists a rep a manager has just created, with their caps', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reps');
    await page.getByRole('row', { name: /Ava Thompson/ }).waitFor();
    await page.getByRole('button', { name: 'New rep' }).click();
    const dialog = page.getByRole('dialog', { name: 'New rep' });
    await dialog.getByLabel('Id', { exact: true }).fill('zoe');
    await dialog.getByLabel('Name', { exact: true }).fill('Zoe Park');
    await dialog.getByLabel('Email', { exact: true }).fill('zoe@summit.example');
    await dialog.getByLabel('Time zone').fill('Europe/Berlin');
    await dialog.getByLabel('Languages').fill('en, de');
    await dialog.getByLabel('Skills').fill('health');
    await dialog.getByLabel('Open-lead cap').fill('12');
    await dialog.getByLabel('Daily cap').fill('4');
    await dialog.getByRole('button', { name: 'Add rep' }).click();
    await page.getByRole('status').filter({ hasText: 'Zoe Park was added.' }).waitFor();
    const row = page.getByRole('row', { name: /Zoe Park/ });
    await expect(row.textContent()).resolves.toMatch(/0 \/ 12 open.*0 \/ 4 today/);
    await expect(row.textContent()).resolves.toContain('Europe/Berlin');
    const stored = await ui.api.call('manager', 'GET', '/v1/reps/zoe');
    expect(stored.json()).toMatchObject({ name: 'Zoe Park', timezone: 'Europe/Berlin', languages: ['en', 'de'], maxOpenLeads: 12, dailyCap: 4 });
    await screenshot(page, 'reps');
    await page.context().close();
  });

  it('names the field of a rep with a bad email, in words', async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/reps');
    await page.getByRole('button', { name: 'New rep' }).click();
    const dialog = page.getByRole('dialog', { name: 'New rep' });
    await dialog.getByLabel('Id', { exact: true }).fill('yan');
    await dialog.getByLabel('Name', { exact: true }).fill('Yan Li');
    await dialog.getByLabel('Email', { exact: true }).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Add rep' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('body.email');
    await dialog.getByText('Email: Invalid email address', { exact: true }).waitFor();
    await expect(dialog.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await ui.api.call('manager', 'GET', '/v1/reps/yan')).statusCode).toBe(404);
    await page.context().close();
  });

  it("saves a team member's new weight", async () => {
    const page = await ui.signedIn('manager');
    await page.goto('/teams');
    await page.getByRole('button', { name: 'Edit West health' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit West health' });
    const weight = dialog.getByLabel('Weight of Emma Lee');
    await expect(weight.inputValue()).resolves.toBe('2');
    await weight.fill('3');
    await dialog.getByRole('button', { name: 'Save team' }).click();
    await page.getByRole('status').filter({ hasText: 'West health was saved.' }).waitFor();
    await page.getByRole('list', { name: 'Members of West health' }).getByText('Emma Lee — weight 3 (60%)').waitFor();
    const team = (await ui.api.call('manager', 'GET', '/v1/teams/west')).json() as { members: { repId: string; weight: number }[] };
    expect(team.members).toEqual([
      { repId: 'diego', weight: 1 },
      { repId: 'emma', weight: 3 },
      { repId: 'farah', weight: 1 },
    ]);
    await screenshot(page, 'teams');
    await page.context().close();
  });

  it("gives a form an HTML snippet that posts to the form's URL with the spam trap hidden", async () => {
    const page = await ui.signedIn('manager');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.url });
    await page.goto('/forms');
    await page.getByRole('button', { name: 'New form' }).click();
    const dialog = page.getByRole('dialog', { name: 'New form' });
    await dialog.getByLabel('Key', { exact: true }).fill('quote');
    await dialog.getByLabel('Name', { exact: true }).fill('Quote request');
    await dialog.getByLabel('Spam trap field').fill('fax_number');
    await dialog.getByLabel('Thank-you page').fill('https://www.summit.example/thanks');
    await dialog.getByLabel('Allowed origins').fill('https://www.summit.example');
    await dialog.getByRole('button', { name: 'Create form' }).click();
    const snippet = page.getByRole('region', { name: 'HTML snippet for Quote request' });
    await snippet.waitFor();
    const html = (await snippet.textContent()) ?? '';
    expect(html).toContain(`<form method="post" action="${ui.url}/v1/forms/quote"`);
    expect(html).toContain('<input type="hidden" name="retURL" value="https://www.summit.example/thanks">');
    for (const name of ['first_name', 'last_name', 'email', 'phone', 'company']) expect(html).toContain(`name="${name}"`);
    expect(html).toMatch(/<div hidden>\s*<label for="fax_number">Leave this empty<\/label>\s*<input id="fax_number" name="fax_number" type="text" tabindex="-1" autocomplete="off">\s*<\/div>/);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(html);
    await screenshot(page, 'forms');
    await page.context().close();
  });

  it("shows a new API key's secret once: it works, and a reload does not show it again", async () => {
    const page = await ui.signedIn('admin');
    await page.goto('/api-keys');
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name', { exact: true }).fill('Website form');
    await dialog.getByLabel('Role').selectOption('rep');
    await dialog.getByLabel('Rep', { exact: true }).selectOption('diego');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const panel = page.getByRole('region', { name: 'Secret of the new key "Website form"' });
    await expect(panel.textContent()).resolves.toMatch(/shown only this once/);
    const secret = (await panel.getByText(/^lr_/).textContent()) ?? '';
    expect(secret).toMatch(/^lr_\w{20,}/);
    const who = await withKey(secret, '/v1/whoami');
    expect(who.json()).toMatchObject({ role: 'rep', rep: { id: 'diego' } });
    await page.getByRole('row', { name: /Website form/ }).waitFor();
    await screenshot(page, 'api-keys');
    await page.reload();
    await page.getByRole('row', { name: /Website form/ }).waitFor();
    await expect(page.getByRole('row', { name: /Website form/ }).textContent()).resolves.toContain('Diego Alvarez');
    expect(await page.content()).not.toContain(secret);
    await page.context().close();
  });

  it('makes the API refuse a key once an admin revokes it', async () => {
    const created = await ui.api.call('admin', 'POST', '/v1/api-keys', { name: 'Old integration', role: 'capture' });
    const secret = (created.json() as { key: string }).key;
    expect((await withKey(secret, '/v1/whoami')).statusCode).toBe(200);
    const page = await ui.signedIn('admin');
    await page.goto('/api-keys');
    await page.getByRole('button', { name: 'Revoke Old integration' }).click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByRole('status').filter({ hasText: 'Old integration was revoked' }).waitFor();
    await page.getByRole('row', { name: /Old integration/ }).getByText(/^revoked /).waitFor();
    const refused = await withKey(secret, '/v1/whoami');
    expect(refused.statusCode).toBe(401);
    await page.context().close();
  });

  it("shows a new webhook's signing secret once, with a warning", async () => {
    const page = await ui.signedIn('admin');
    await page.goto('/webhooks');
    await page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill('https://hooks.summit.example/leads');
    await dialog.getByLabel(/lead\.sla-breached/).check();
    await dialog.getByLabel(/Slack message/).check();
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    const panel = page.getByRole('region', { name: 'Signing secret of the new webhook' });
    await expect(panel.textContent()).resolves.toMatch(/shown only this once/);
    await expect(page.getByRole('row', { name: /hooks\.summit\.example/ }).textContent()).resolves.toMatch(/lead\.sla-breached.*Slack message/);
    await page.reload();
    await page.getByRole('row', { name: /hooks\.summit\.example/ }).waitFor();
    await expect(page.getByRole('region', { name: 'Signing secret of the new webhook' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('keeps the webhooks and API keys pages from a manager', async () => {
    const page = await ui.signedIn('manager');
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(links).toContain('Reps');
    expect(links).not.toContain('Webhooks');
    expect(links).not.toContain('API keys');
    await page.goto('/api-keys');
    await page.waitForURL('**/board');
    await expect(page.getByRole('heading', { level: 1, name: 'API keys' }).count()).resolves.toBe(0);
    await page.goto('/webhooks');
    await page.waitForURL('**/board');
    await page.context().close();
  });
});
