import { chunks } from '../chunks.js';
import type { Db } from '../database.js';
import type { AccountsTable } from '../schema.js';

export interface Account {
  id: string;
  name: string;
  domain: string | null;
  companyKey: string | null;
  ownerId: string | null;
}

export async function saveAccount(db: Db, account: Account, now: number): Promise<void> {
  const values = { name: account.name, domain: account.domain, company_key: account.companyKey, owner_id: account.ownerId };
  await db
    .insertInto('accounts')
    .values({ id: account.id, ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

const accountFromRow = (row: AccountsTable): Account => ({ id: row.id, name: row.name, domain: row.domain, companyKey: row.company_key, ownerId: row.owner_id });

/** The first account created with each of the values of a column, in a few queries however many values. */
async function firstAccountsBy(db: Db, column: 'domain' | 'company_key', values: readonly (string | null)[]): Promise<Map<string, Account>> {
  const wanted = [...new Set(values.filter((v): v is string => Boolean(v)))];
  const found = new Map<string, Account>();
  for (const chunk of chunks(wanted)) {
    const rows = await db
      .selectFrom('accounts')
      .selectAll()
      .where(column, 'in', chunk)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) if (!found.has(row[column]!)) found.set(row[column]!, accountFromRow(row));
  }
  return found;
}

/** The account each lead belongs to, in the order given: by its (business) email domain first, else by its normalised company name. */
export async function matchAccounts(db: Db, keys: readonly { domain: string | null; companyKey: string | null }[]): Promise<(Account | undefined)[]> {
  const byDomain = await firstAccountsBy(db, 'domain', keys.map((k) => k.domain));
  const byCompany = await firstAccountsBy(db, 'company_key', keys.map((k) => k.companyKey));
  return keys.map((k) => (k.domain ? byDomain.get(k.domain) : undefined) ?? (k.companyKey ? byCompany.get(k.companyKey) : undefined));
}
