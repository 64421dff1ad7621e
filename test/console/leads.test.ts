import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES } from '../../src/store/test-support.js';
import { openConsole, screenshot, type ConsoleHarness } from './harness.js';

interface Captured {
  lead: { id: string; ownerId: string | null; status: string };
  decision: { outcome: { type: string; repId?: string }; explanation: { routes: { name: string; candidates?: { repId: string; name: string; rank?: number }[] }[] } } | null;
}

/** A lead for the west-health route of the insurance example (California, health): offered to a west rep in rotation. */
const westHealth = (firstName: string, lastName: string, n: number, extra: Record<string, unknown> = {}) => ({
  firstName,
  lastName,
  email: `${firstName.toLowerCase().replace(/[^a-z]/g, '')}${n}@gmail.com`,
  phone: `+1415555${String(2000 + n)}`,
  country: 'US',
  region: 'CA',
  product: 'health',
  value: 5000,
  source: 'web',
  ...extra,
});

/** A Spanish speaker from Texas: the spanish-speakers route, best match in the inbound team, which Emma is not in. */
const spanish = (firstName: string, lastName: string, n: number) => ({
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}${n}@gmail.com`,
  phone: `+1512555${String(3000 + n)}`,
  company: 'Ferretería Sol',
  country: 'US',
  region: 'TX',
  language: 'es',
  product: 'auto',
  value: 8000,
  source: 'web',
});

describe('the manager’s lead pages', () => {
  let ui: ConsoleHarness;
  beforeAll(async () => {
    ui = await openConsole(STORES[0]!);
    // A few leads of every kind, so that the lists and the screenshots look like a working day.
    const seeds = [
      { firstName: 'Grace', lastName: 'Holloway', email: 'grace@northwind.example', phone: '+12125550180', company: 'Northwind Logistics', country: 'US', region: 'NY', product: 'commercial', value: 120000, source: 'referral' },
      { firstName: 'Tom', lastName: 'Becker', email: 'tom.becker@gmail.com', phone: '+13125550142', country: 'US', region: 'IL', product: 'home', value: 3000, source: 'web' },
      { firstName: 'Ivy', lastName: 'Chen', email: 'ivy.chen@gmail.com', country: 'US', region: 'WA', product: 'auto', value: 900, source: 'web' },
    ];
    for (const body of seeds) expect((await ui.api.call('capture', 'POST', '/v1/leads', body)).statusCode).toBe(201);
  }, 30_000);
  afterAll(async () => ui?.close());

  async function capture(body: object): Promise<Captured> {
    const response = await ui.api.call('capture', 'POST', '/v1/leads', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Captured;
  }

  it('a manager finds a lead and reads its decision', async () => {
    const { lead, decision } = await capture(spanish('Lucía', 'Fernández', 1));
    expect(decision?.outcome.type).toBe('offer');
    const route = decision!.explanation.routes.find((r) => r.name === 'spanish-speakers')!;
    const picked = route.candidates!.find((c) => c.repId === decision!.outcome.repId)!;

    const page = await ui.signedIn('manager');
    await page.getByRole('link', { name: 'Leads', exact: true }).click();
    await page.getByRole('link', { name: 'Grace Holloway' }).waitFor();
    await screenshot(page, 'leads');
    await page.getByLabel('Search').fill('Fernández');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Matching leads' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Fernández');
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.count()).resolves.toBe(2); // the header and Lucía

    await page.getByRole('link', { name: 'Lucía Fernández' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lucía Fernández' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/leads/${lead.id}`);

    const routes = page.getByRole('table', { name: 'Routes tried, in order' });
    await expect(routes.locator('tr.picked').textContent()).resolves.toMatch(/spanish-speakers.*Matched and picked a rep/);
    await expect(routes.getByRole('row', { name: /west-health/ }).textContent()).resolves.toMatch(/Did not match.*Condition not met/);

    const candidates = page.getByRole('table', { name: 'Candidates on route spanish-speakers' });
    await expect(candidates.locator('tr.picked').textContent()).resolves.toContain(picked.name);
    await expect(candidates.locator('tr.picked').textContent()).resolves.toContain('Picked');
    await expect(candidates.getByRole('row', { name: /Hannah Schmidt/ }).textContent()).resolves.toContain('Excluded: Does not speak es');
    await page.getByText(`Offered to ${picked.name} (inbound) by route spanish-speakers`).first().waitFor();
    await screenshot(page, 'lead');
    await page.context().close();
  }, 30_000);

  it('a lead named <img src=x onerror=…> runs no script', async () => {
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '<script>window.__pwned=1</script>';
    const { lead } = await capture(westHealth(img, 'Probe', 1, { company: script, email: 'probe1@gmail.com' }));
    const name = `${img} Probe`;
    const pwned = () => page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
    const page = await ui.signedIn('manager');

    await page.goto('/leads?q=Probe');
    await page.getByRole('link', { name }).waitFor();
    await page.getByRole('cell', { name: script }).waitFor();
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await expect(pwned()).resolves.toBeUndefined();

    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/leads/${lead.id}`);
    await page.getByText(script, { exact: true }).first().waitFor();
    await expect(page.locator('img[src="x"], main script').count()).resolves.toBe(0);
    await expect(pwned()).resolves.toBeUndefined();

    await page.getByRole('link', { name: 'Live board' }).click();
    const row = page.getByRole('table').getByRole('row', { name: /Probe/ });
    await row.waitFor();
    await expect(row.getByRole('link').textContent()).resolves.toBe(name);
    await expect(row.textContent()).resolves.toContain(script);
    await expect(page.locator('img[src="x"], main script').count()).resolves.toBe(0);
    await expect(pwned()).resolves.toBeUndefined();
    await page.context().close();
  }, 30_000);

  it('a rep key cannot open another rep’s lead', async () => {
    const { lead } = await capture(spanish('Marisol', 'Quintana', 2));
    expect(lead.ownerId).not.toBe('emma');
    const page = await ui.signedIn('rep');
    await page.goto(`/leads/${lead.id}`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe('This lead is not yours or does not exist.');
    const text = await page.locator('main').textContent();
    expect(text).not.toContain('Marisol');
    expect(text).not.toContain('Quintana');
    expect(text).not.toContain('Ferretería');
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await page.context().close();
  }, 30_000);

  it('a rep opens their own lead and reads its decision, without the manager’s reassign form', async () => {
    const { lead } = await capture(westHealth('Owen', 'Own', 8));
    if (lead.ownerId !== 'emma') {
      const given = await ui.api.call('manager', 'POST', `/v1/leads/${lead.id}/reassign`, { repId: 'emma' });
      expect(given.statusCode, given.body).toBe(200);
    }
    const page = await ui.signedIn('rep');
    await page.goto(`/leads/${lead.id}`);
    await page.getByRole('heading', { level: 1, name: 'Owen Own' }).waitFor();
    await page.getByRole('table', { name: 'Routes tried, in order' }).waitFor();
    await page.getByRole('list', { name: 'Timeline events' }).getByText(/^(Offered|Assigned) to Emma Lee/).first().waitFor();
    await expect(page.locator('.lead-head').textContent()).resolves.toContain('Emma Lee');
    await expect(page.getByRole('heading', { name: 'Reassign' }).count()).resolves.toBe(0);
    await page.context().close();
  }, 30_000);

  it('reassigning a lead to another rep shows in the timeline', async () => {
    const { lead } = await capture(westHealth('Reggie', 'Moss', 3));
    expect(lead.status).toBe('offered');
    const page = await ui.signedIn('manager');
    await page.goto(`/leads/${lead.id}`);
    await page.getByRole('heading', { level: 1, name: 'Reggie Moss' }).waitFor();
    await page.getByLabel('Give the lead to').selectOption({ label: 'Hannah Schmidt' });
    await page.getByLabel('Reason (optional)').fill('Knows the family');
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByText('Reassigned to Hannah Schmidt: the lead is now assigned.').waitFor();

    const timeline = page.getByRole('list', { name: 'Timeline events' });
    await timeline.getByText('Assigned to Hannah Schmidt').waitFor();
    await expect(timeline.getByText(/^Reassigned from .+ to Hannah Schmidt: “Knows the family”$/).textContent()).resolves.toMatch(/(Diego Alvarez|Emma Lee|Farah Haddad)/);
    await expect(timeline.getByText(/^Reassigned/).locator('xpath=..').textContent()).resolves.toContain('by you');
    await page.locator('.lead-head').getByText('Hannah Schmidt').waitFor();
    await page.context().close();
  }, 30_000);

  it('the board shows an offered lead’s countdown and a held lead’s reason', async () => {
    // At 01:00 in New York (22:00 in Los Angeles) nobody is working: the lead is held until someone is.
    ui.api.clock.advance(12 * 3_600_000);
    const held = await capture(westHealth('Nora', 'Night', 4, { company: 'Night Owl Dental' }));
    ui.api.clock.advance(-12 * 3_600_000);
    expect(held.lead.status).toBe('held');
    await capture({ firstName: 'Quinn', lastName: 'Partner', email: 'quinn5@gmail.com', phone: '+12125550105', country: 'US', region: 'NY', product: 'auto', value: 5000, source: 'partner' });

    const page = await ui.signedIn('manager');
    expect(new URL(page.url()).pathname).toBe('/board');
    const heldRow = page.getByRole('table').getByRole('row', { name: /Nora Night/ });
    await heldRow.getByText('Held until someone eligible is available', { exact: false }).waitFor();
    await heldRow.getByText(/^Why each rep was passed over \(\d+\)$/).waitFor();
    await expect(page.getByRole('row', { name: /^partners\b/ }).textContent()).resolves.toMatch(/^partners\s*[1-9]/);

    // Captured while the board is open: it comes in live.
    await capture(westHealth('Olive', 'Offered', 6, { company: 'Olive Grove Clinic' }));
    const offeredRow = page.getByRole('table').getByRole('row', { name: /Olive Offered/ });
    await offeredRow.waitFor();
    await expect(offeredRow.textContent()).resolves.toMatch(/Offer: [45] min \d\d s left/);
    await screenshot(page, 'board');
    await page.context().close();
  }, 30_000);

  it('a search is kept in the address bar, and Back returns to the search before', async () => {
    await capture(westHealth('Stella', 'Status', 7));
    const page = await ui.signedIn('manager');
    await page.goto('/leads');
    await page.getByLabel('Status').selectOption('offered');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/status=offered/);
    await page.getByLabel('Search').fill('nobody-has-this-name');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No lead matches this search.').waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('status') === 'offered' && !url.searchParams.has('q'));
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('offered');
    await expect(page.getByLabel('Search').inputValue()).resolves.toBe('');
    await page.getByRole('table').waitFor();
    const statuses = await page.getByRole('table').locator('tbody .badge').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['offered']));
    await page.context().close();
  }, 30_000);
});
