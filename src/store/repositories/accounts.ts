import type { Db } from '../database.js';

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

/** The account a lead belongs to: by its (business) email domain first, else by its normalised company name. */
export async function matchAccount(db: Db, domain: string | null, companyKey: string | null): Promise<Account | undefined> {
  for (const [column, value] of [['domain', domain], ['company_key', companyKey]] as const) {
    if (!value) continue;
    const row = await db.selectFrom('accounts').selectAll().where(column, '=', value).orderBy('created_at').executeTakeFirst();
    if (row) return { id: row.id, name: row.name, domain: row.domain, companyKey: row.company_key, ownerId: row.owner_id };
  }
  return undefined;
}
