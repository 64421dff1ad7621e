import type { Decision, Explanation, Outcome } from '../../engine/index.js';
import { chunks } from '../chunks.js';
import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';

export interface StoredDecision {
  id: string;
  leadId: string;
  configVersion: number | null;
  outcome: Outcome;
  ranked: string[];
  explanation: Explanation;
  createdAt: number;
}

export interface NewDecision {
  id: string;
  leadId: string;
  decision: Decision;
  now: number;
}

export async function insertDecisions(db: Db, decisions: readonly NewDecision[]): Promise<void> {
  for (const chunk of chunks(decisions)) {
    await db
      .insertInto('decisions')
      .values(
        chunk.map(({ id, leadId, decision, now }) => ({
          id,
          lead_id: leadId,
          config_version: decision.explanation.configVersion,
          outcome: toJson(decision.outcome),
          ranked: toJson(decision.ranked),
          explanation: toJson(decision.explanation),
          created_at: now,
        })),
      )
      .execute();
  }
}

/** The lead's most recent decision. */
export async function latestDecision(db: Db, leadId: string): Promise<StoredDecision | undefined> {
  const row = await db
    .selectFrom('decisions')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      leadId: row.lead_id,
      configVersion: row.config_version,
      outcome: fromJson<Outcome>(row.outcome, { type: 'unqualified' }),
      ranked: fromJson<string[]>(row.ranked, []),
      explanation: fromJson<Explanation>(row.explanation, {} as Explanation),
      createdAt: row.created_at,
    }
  );
}
