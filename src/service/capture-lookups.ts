import { accountKeys, dedupeKeys } from '../capture/index.js';
import type { Db } from '../store/database.js';
import { matchAccounts, type Account } from '../store/repositories/accounts.js';
import { findIdempotencyKeys, type IdempotencyRecord } from '../store/repositories/idempotency.js';
import { externalKey, findLeadsByExternalKeys, findOpenLeadsByKeys, getLeads, type OpenLead, type StoredLead } from '../store/repositories/leads.js';
import { OPEN_STATUSES } from '../lifecycle/statuses.js';
import type { CaptureInput } from './capture.js';
import { ServiceError } from './errors.js';

/** The keys a lead is deduped and matched to its account by. */
export interface CaptureKeys {
  emailKey: string | null;
  phoneKey: string | null;
  emailDomain: string | null;
  companyKey: string | null;
}

function keysOf(input: CaptureInput): CaptureKeys {
  const dedupe = dedupeKeys(input.lead);
  const account = accountKeys(input.lead);
  return {
    emailKey: dedupe.find((k) => k.kind === 'email')?.value ?? null,
    phoneKey: dedupe.find((k) => k.kind === 'phone')?.value ?? null,
    emailDomain: account.find((k) => k.kind === 'domain')?.value ?? null,
    companyKey: account.find((k) => k.kind === 'company')?.value ?? null,
  };
}

/** Whether `a` was captured before `b`: by creation, then id — the order leads are listed in. */
const capturedBefore = (a: StoredLead, b: StoredLead) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

const externalKeyOf = (input: CaptureInput) => (input.lead.externalId ? externalKey(input.lead.source, input.lead.externalId) : null);
const present = <T>(values: readonly (T | null | undefined)[]) => values.filter((v): v is T => v !== null && v !== undefined);

/**
 * What a batch of captures looks up before it routes — the earlier requests a capture may repeat,
 * the open leads it may duplicate, the account it belongs to — read for the whole batch in a few
 * statements, then kept up to date with the leads the batch itself creates, so that a lead sees
 * the ones before it in the batch just as it sees those in the store.
 */
export class CaptureLookups {
  private readonly keys = new Map<CaptureInput, CaptureKeys>();
  private readonly accounts = new Map<CaptureInput, Account | undefined>();
  /** The oldest open lead with each email key, and with each phone key. */
  private readonly byEmailKey = new Map<string, StoredLead>();
  private readonly byPhoneKey = new Map<string, StoredLead>();

  private constructor(
    inputs: readonly CaptureInput[],
    keys: CaptureKeys[],
    accounts: (Account | undefined)[],
    open: OpenLead[],
    private readonly idempotency: Map<string, IdempotencyRecord>,
    private readonly byExternalKey: Map<string, StoredLead>,
    private readonly leads: Map<string, StoredLead>,
  ) {
    inputs.forEach((input, i) => {
      this.keys.set(input, keys[i]!);
      this.accounts.set(input, accounts[i]);
    });
    for (const o of open) this.addOpen(o);
  }

  static async read(trx: Db, inputs: readonly CaptureInput[]): Promise<CaptureLookups> {
    const keys = inputs.map(keysOf);
    const idempotency = await findIdempotencyKeys(trx, present(inputs.map((i) => i.idempotency?.key)));
    const replayed = await getLeads(trx, [...new Set([...idempotency.values()].map((r) => r.leadId))]);
    const byExternalKey = await findLeadsByExternalKeys(trx, present(inputs.map(externalKeyOf)));
    const open = await findOpenLeadsByKeys(trx, present(keys.map((k) => k.emailKey)), present(keys.map((k) => k.phoneKey)));
    const accounts = await matchAccounts(trx, keys.map((k) => ({ domain: k.emailDomain, companyKey: k.companyKey })));
    return new CaptureLookups(inputs, keys, accounts, open, idempotency, byExternalKey, new Map(replayed.map((l) => [l.id, l])));
  }

  keysOf(input: CaptureInput): CaptureKeys {
    return this.keys.get(input)!;
  }

  accountOf(input: CaptureInput): Account | undefined {
    return this.accounts.get(input);
  }

  /** The lead an earlier capture of the same request created or was linked to (same Idempotency-Key or external id). */
  replayOf(input: CaptureInput): StoredLead | undefined {
    if (input.idempotency) {
      const seen = this.idempotency.get(input.idempotency.key);
      if (seen) {
        if (seen.requestHash !== input.idempotency.requestHash) {
          throw new ServiceError('conflict', 'this Idempotency-Key was used before with a different request body', { idempotencyKey: input.idempotency.key });
        }
        return this.leads.get(seen.leadId);
      }
    }
    const key = externalKeyOf(input);
    return key === null ? undefined : this.byExternalKey.get(key);
  }

  /** The oldest open lead with the same email key or phone key. */
  duplicateOf(input: CaptureInput): StoredLead | undefined {
    const { emailKey, phoneKey } = this.keysOf(input);
    const byEmail = emailKey === null ? undefined : this.byEmailKey.get(emailKey);
    const byPhone = phoneKey === null ? undefined : this.byPhoneKey.get(phoneKey);
    if (!byEmail || !byPhone) return byEmail ?? byPhone;
    return capturedBefore(byPhone, byEmail) ? byPhone : byEmail;
  }

  /** An open lead, the store's or the batch's own: kept for each of its keys unless an older one has that key. */
  private addOpen({ lead, emailKey, phoneKey }: OpenLead): void {
    for (const [index, key] of [[this.byEmailKey, emailKey], [this.byPhoneKey, phoneKey]] as const) {
      if (key === null) continue;
      const kept = index.get(key);
      if (!kept || capturedBefore(lead, kept)) index.set(key, lead);
    }
  }

  /** What the capture of `input` answered with: `lead`, created now or earlier. Later captures in the batch see it. */
  answered(input: CaptureInput, lead: StoredLead, created: boolean): void {
    this.leads.set(lead.id, lead);
    if (input.idempotency) this.idempotency.set(input.idempotency.key, { ...input.idempotency, leadId: lead.id });
    if (!created) return;
    const key = externalKeyOf(input);
    if (key !== null) this.byExternalKey.set(key, lead);
    if (OPEN_STATUSES.includes(lead.status)) this.addOpen({ lead, ...this.keysOf(input) });
  }
}
