import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerLead } from '../../src/service/test-support.js';
import { STORES } from '../../src/store/test-support.js';
import { LAPTOP, openConsole, PHONE, screenshot, type ConsoleHarness } from './harness.js';

describe('the rep’s inbox and profile', { timeout: 40_000 }, () => {
  let ui: ConsoleHarness;
  let n = 0;

  beforeAll(async () => {
    ui = await openConsole(STORES[0]!);
    // West health is Diego, Emma and Farah: with the other two away, every west-coast health lead is offered to Emma.
    for (const id of ['diego', 'farah']) expect((await ui.api.call('manager', 'PATCH', `/v1/reps/${id}`, { active: false })).statusCode).toBe(200);
  }, 30_000);
  afterAll(async () => ui?.close());

  /** Captures a California health lead, which the insurance example offers to Emma; its id. */
  async function offerToEmma(firstName: string, lastName: string): Promise<string> {
    n++;
    const res = await ui.api.call('capture', 'POST', '/v1/leads', {
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${n}@gmail.com`.toLowerCase(),
      phone: `+1415555${2000 + n}`,
      company: 'Pacific Dental',
      country: 'US',
      region: 'CA',
      city: 'San Jose',
      product: 'health',
      value: 8000,
      source: 'web',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().lead).toMatchObject({ status: 'offered', ownerId: 'emma' });
    return res.json().lead.id as string;
  }

  /** A lead Emma has accepted; its id. */
  async function emmasLead(firstName: string, lastName: string): Promise<string> {
    const id = await offerToEmma(firstName, lastName);
    expect((await ui.api.call('rep', 'POST', `/v1/leads/${id}/accept`)).statusCode).toBe(200);
    return id;
  }

  /** Any wait that outlasts this fails with what it waited for, well within the test's time. */
  const STEP = 15_000;

  async function signedIn(viewport = LAPTOP): Promise<Page> {
    const page = await ui.signedIn('rep', viewport);
    page.context().setDefaultTimeout(STEP);
    return page;
  }

  const lead = async (id: string) => (await ui.api.call('manager', 'GET', `/v1/leads/${id}`)).json();

  /**
   * Emma's inbox, loaded and listening: resolved once the live event stream has answered. Deaf,
   * the page gets no live events, as when the network drops them.
   */
  async function liveInbox({ deaf = false } = {}): Promise<Page> {
    const context = await ui.browser.newContext({ viewport: LAPTOP, baseURL: ui.url });
    context.setDefaultTimeout(STEP);
    if (deaf) await context.route(/\/v1\/events/, (route) => route.abort());
    const page = await context.newPage();
    const listening = deaf ? null : page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/events' && response.ok());
    await page.goto('/');
    await page.getByLabel('API key').fill(ui.api.keys.rep);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await listening;
    await page.getByText('Loading your offers…').waitFor({ state: 'detached' });
    return page;
  }

  async function inbox(): Promise<Page> {
    const page = await signedIn();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    return page;
  }

  const offerCard = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  const waitingTable = (page: Page) => page.getByRole('table', { name: 'Waiting for your first contact' });
  const contactedTable = (page: Page) => page.getByRole('table', { name: 'Contacted' });

  it('a rep receives an offer live and accepts it', async () => {
    const page = await liveInbox();
    const id = await offerToEmma('Maria', 'Lopez');

    const card = offerCard(page, 'Maria Lopez');
    await card.waitFor();
    await page.getByRole('status').filter({ hasText: 'New lead offered: Maria Lopez' }).waitFor();
    await expect(card.getByText(/^Accept within: [45] min \d\d s left$/).textContent()).resolves.toBeTruthy();
    await expect(card.getByRole('link', { name: 'Maria Lopez' }).getAttribute('href')).resolves.toBe(`/leads/${id}`);
    await screenshot(page, 'inbox');

    await card.getByRole('button', { name: 'Accept Maria Lopez' }).click();
    const row = waitingTable(page).getByRole('row').filter({ hasText: 'Maria Lopez' });
    await row.waitFor();
    await row.getByText(/^Due: 1[45] min \d\d s left$/).waitFor();
    await card.waitFor({ state: 'detached' });
    await expect(lead(id)).resolves.toMatchObject({ status: 'assigned', ownerId: 'emma' });
    await page.context().close();
  });

  it('asks for a reason to reject an offer, and the lead leaves the offers', async () => {
    const id = await offerToEmma('Noah', 'Kim');
    const page = await inbox();
    const card = offerCard(page, 'Noah Kim');
    await card.getByRole('button', { name: 'Reject Noah Kim' }).click();

    const dialog = page.getByRole('dialog', { name: 'Reject Noah Kim' });
    await dialog.getByRole('button', { name: 'Reject lead' }).click();
    await dialog.getByRole('alert').getByText('Give a reason for rejecting the lead.').waitFor();
    await dialog.getByLabel('Reason (required)').fill('I only sell to dentists in Oregon');
    await dialog.getByRole('button', { name: 'Reject lead' }).click();

    await dialog.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'You rejected Noah Kim.' }).waitFor();
    const after = await lead(id);
    expect(after.triedReps).toContain('emma');
    expect(after.ownerId).not.toBe('emma');
    const timeline = (await ui.api.call('manager', 'GET', `/v1/leads/${id}/timeline`)).json().data;
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'rejected', data: expect.objectContaining({ reason: 'I only sell to dentists in Oregon' }) }));
    await page.context().close();
  });

  it('logs a first contact and marks the lead won with its revenue', async () => {
    const id = await emmasLead('Olivia', 'Chen');
    const page = await inbox();
    const waiting = waitingTable(page).getByRole('row').filter({ hasText: 'Olivia Chen' });
    await waiting.getByText(/^Due: /).waitFor();
    await waiting.getByRole('button', { name: 'Log contact with Olivia Chen' }).click();

    const contact = page.getByRole('dialog', { name: 'Log contact with Olivia Chen' });
    await contact.getByLabel('Note (optional)').fill('Called, wants a family plan quote');
    await contact.getByRole('button', { name: 'Log contact', exact: true }).click();
    await contact.waitFor({ state: 'detached' });

    const contacted = contactedTable(page).getByRole('row').filter({ hasText: 'Olivia Chen' });
    await contacted.waitFor();
    await waiting.waitFor({ state: 'detached' });
    await expect(lead(id)).resolves.toMatchObject({ status: 'contacted' });

    await contacted.getByRole('button', { name: 'Won Olivia Chen' }).click();
    const won = page.getByRole('dialog', { name: 'Mark Olivia Chen as won' });
    await won.getByLabel('Revenue (USD)').fill('12500');
    await won.getByRole('button', { name: 'Mark as won' }).click();
    await won.waitFor({ state: 'detached' });
    await contacted.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: /Olivia Chen marked as won with .*12,500 revenue\./ }).waitFor();
    await expect(lead(id)).resolves.toMatchObject({ status: 'won', revenue: 12500 });
    await page.context().close();
  });

  it('says in words why a lead can no longer be accepted', async () => {
    const id = await offerToEmma('Quinn', 'Baker');
    const page = await liveInbox({ deaf: true });
    const card = offerCard(page, 'Quinn Baker');
    await card.waitFor();
    // Accepted elsewhere (another tab, the API) while this page, hearing nothing, still shows the offer.
    expect((await ui.api.call('rep', 'POST', `/v1/leads/${id}/accept`)).statusCode).toBe(200);
    await card.getByRole('button', { name: 'Accept Quinn Baker' }).click();
    await page.getByRole('alert').getByText(/Could not accept Quinn Baker: cannot accept a lead that is assigned/).waitFor();
    await waitingTable(page).getByRole('row').filter({ hasText: 'Quinn Baker' }).waitFor();
    await page.context().close();
  });

  it('pulls the next lead from a queue, and says so when the queue is empty', async () => {
    const captured = await ui.api.call('capture', 'POST', '/v1/leads', partnerLead(7));
    expect(captured.json().lead).toMatchObject({ status: 'queued', queue: 'partners' });
    const id = captured.json().lead.id as string;
    const page = await inbox();

    const queue = page.getByRole('table', { name: 'Pull the next lead' }).getByRole('row').filter({ hasText: 'partners' });
    await expect(queue.getByRole('cell').nth(0).textContent()).resolves.toBe('1');
    await queue.getByRole('button', { name: 'Pull next from partners' }).click();
    await page.getByRole('status').filter({ hasText: 'From partners you got Sam7 Rivera' }).waitFor();
    await waitingTable(page).getByRole('row').filter({ hasText: 'Sam7 Rivera' }).waitFor();
    await expect(lead(id)).resolves.toMatchObject({ status: 'assigned', ownerId: 'emma' });

    await queue.getByRole('button', { name: 'Pull next from partners' }).click();
    await page.getByRole('status').filter({ hasText: 'The partners queue is empty: there is no lead to pull right now.' }).waitFor();
    await page.context().close();
  });

  it('offers to pull only from the queues the rep pulls from', async () => {
    const live = (await ui.api.call('manager', 'GET', '/v1/routing-config')).json() as { version: number; source: string };
    const leftToManagers = `${live.source}\nqueues:\n  managers: { pullers: nobody }\n`;
    expect((await ui.api.call('manager', 'POST', '/v1/routing-config', { source: leftToManagers, activate: true })).statusCode).toBe(201);
    try {
      const page = await inbox();
      const queues = page.getByRole('table', { name: 'Pull the next lead' });
      await queues.getByRole('button', { name: 'Pull next from partners' }).waitFor();
      await expect(queues.getByRole('button', { name: 'Pull next from managers' }).count()).resolves.toBe(0);
      await page.context().close();
    } finally {
      expect((await ui.api.call('manager', 'POST', `/v1/routing-config/versions/${live.version}/activate`)).statusCode).toBe(200);
    }
  });

  it('saves a change of time zone on the profile', async () => {
    const page = await signedIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    const zone = page.getByLabel('Time zone');
    await expect(zone.inputValue()).resolves.toBe('America/Los_Angeles');
    await zone.selectOption('America/Vancouver');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Your profile is saved.' }).waitFor();
    await expect((await ui.api.call('manager', 'GET', '/v1/reps/emma')).json()).toMatchObject({ timezone: 'America/Vancouver' });
    await screenshot(page, 'profile');
    await page.context().close();
  });

  it('shows a rep’s new name in the top bar as soon as they save it', async () => {
    const page = await signedIn();
    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    const name = page.getByLabel('Name', { exact: true });
    const before = await name.inputValue();
    await name.fill('Emma Lee-Park');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Your profile is saved.' }).waitFor();
    await page.locator('.topbar .who').getByText('Emma Lee-Park').waitFor();
    await ui.api.call('manager', 'PATCH', '/v1/reps/emma', { name: before });
    await page.context().close();
  });

  it('shows a refused profile change in words, at the field', async () => {
    const page = await signedIn();
    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByLabel('Out of office from').fill('2026-12-10T09:00');
    await page.getByLabel('Out of office until').fill('2026-12-01T17:00');
    await page.getByRole('button', { name: 'Save profile' }).click();

    const alert = page.getByRole('alert');
    await alert.getByText('Out of office must end after it starts.').waitFor();
    await alert.getByText('body.outOfOffice.until').waitFor();
    await expect(page.getByLabel('Out of office until').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect((await ui.api.call('manager', 'GET', '/v1/reps/emma')).json().outOfOffice ?? null).toBeNull();
    await page.context().close();
  });

  it('switches presence at once', async () => {
    const page = await signedIn();
    await page.goto('/profile');
    await page.getByRole('radio', { name: /^Away/ }).check();
    await page.getByRole('status').filter({ hasText: 'You are now away.' }).waitFor();
    await expect((await ui.api.call('manager', 'GET', '/v1/reps/emma')).json()).toMatchObject({ presence: 'away' });
    await page.getByRole('radio', { name: /^Online/ }).check();
    await page.getByRole('status').filter({ hasText: 'You are now online.' }).waitFor();
    await page.context().close();
  });

  it('fits the inbox and the profile on a phone screen without sideways scrolling', async () => {
    await emmasLead('Sofia', 'Martinez-Gutierrez');
    const page = await signedIn(PHONE);
    await waitingTable(page).getByRole('row').filter({ hasText: 'Sofia Martinez-Gutierrez' }).waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBe(PHONE.width);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByLabel('Time zone').waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBe(PHONE.width);
    await page.context().close();
  });

  // Last: it moves the server's clock.
  it('takes an expired offer out of the inbox live, and says so', async () => {
    const page = await liveInbox();
    await offerToEmma('Ruth', 'Adams');
    const card = offerCard(page, 'Ruth Adams');
    await card.waitFor();
    ui.api.clock.advance(5 * 60_000 + 1000);
    await ui.api.timers.runDue();
    await card.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'The offer of Ruth Adams expired.' }).waitFor();
    await page.context().close();
  });
});
