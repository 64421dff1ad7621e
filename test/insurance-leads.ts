/**
 * A lead of the insurance demo for the tests that drive real servers: `who` makes it distinct
 * (email and phone), `n` spreads the leads over west health, the inbound team and the partner queue.
 */
export const insuranceLead = (n: number, who: { firstName: string; email: string; phone: string }) => ({
  ...who,
  lastName: 'Test',
  country: 'US',
  region: n % 3 ? 'CA' : 'NY',
  product: n % 2 ? 'health' : 'auto',
  value: 5000,
  source: n % 5 ? 'web' : 'partner',
});
