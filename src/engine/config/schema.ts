import { z } from 'zod';

/**
 * The routing configuration language, as an admin writes it.
 * docs/routing.schema.json is generated from these schemas; docs/routing.md explains them.
 */

const DURATION = /^(0|\d+(\.\d+)?(ms|s|m|h|d))$/;
const DURATION_MESSAGE = 'expected a duration such as 90s, 5m or 2h';
export const Duration = z
  .union([z.literal(0), z.string().regex(DURATION, DURATION_MESSAGE)], { error: DURATION_MESSAGE })
  .meta({ description: 'A duration such as 90s, 5m, 2h or 1d; 0 means none.' });

export const Scalar = z.union([z.string(), z.number(), z.boolean()]);

const OPERATORS = ['eq', 'in', 'not', 'gte', 'gt', 'lte', 'lt', 'prefix', 'regex', 'exists'] as const;
export type OperatorName = (typeof OPERATORS)[number];

export interface OperatorsInput {
  eq?: string | number | boolean;
  in?: (string | number | boolean)[];
  not?: MatcherInput;
  gte?: number | string;
  gt?: number | string;
  lte?: number | string;
  lt?: number | string;
  prefix?: string | string[];
  regex?: string;
  exists?: boolean;
}
export type MatcherInput = string | number | boolean | (string | number | boolean)[] | OperatorsInput;

const Bound = z.union([z.number(), z.string()]);

export const Operators: z.ZodType<OperatorsInput> = z.lazy(() =>
  z
    .strictObject(
      {
        eq: Scalar.optional(),
        in: z.array(Scalar).min(1).optional(),
        not: Matcher.optional(),
        gte: Bound.optional(),
        gt: Bound.optional(),
        lte: Bound.optional(),
        lt: Bound.optional(),
        prefix: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'expected text or a list of text' }).optional(),
        regex: z.string().optional().meta({ description: 'An RE2 regular expression, matched anywhere in the value, ignoring case.' }),
        exists: z.boolean().optional(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown operator ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected one of ${OPERATORS.join(', ')})` : undefined) },
    )
    .refine((o) => Object.keys(o).length > 0, { error: 'expected at least one operator', when: ({ issues }) => issues.length === 0 }),
).meta({ id: 'Operators', description: 'Operators on one field; several operators must all hold.' }) as z.ZodType<OperatorsInput>;

export const Matcher: z.ZodType<MatcherInput> = z.lazy(() =>
  z.union([Scalar, z.array(Scalar).min(1), Operators], {
    error: 'expected a value, a list of values, or operators such as { gte: 10 } or { in: [a, b] }',
  }),
).meta({ id: 'Matcher', description: 'A value (equals), a list (in), or an object of operators.' }) as z.ZodType<MatcherInput>;

/** Keys a condition may test besides lead fields and `custom.*`. */
export const SPECIAL_FIELDS = ['score', 'grade', 'territory', 'account', 'time', 'day'] as const;
export const LEAD_FIELDS = [
  'firstName', 'lastName', 'email', 'phone', 'company', 'title', 'industry', 'country', 'region', 'city',
  'postalCode', 'language', 'product', 'value', 'source', 'externalId', 'emailDomain',
] as const;

export interface ConditionInput {
  all?: ConditionInput[];
  any?: ConditionInput[];
  not?: ConditionInput;
  [field: string]: MatcherInput | ConditionInput | ConditionInput[] | undefined;
}

export const Condition: z.ZodType<ConditionInput> = z.lazy(() =>
  z
    .object({
      all: z.array(Condition).min(1).optional(),
      any: z.array(Condition).min(1).optional(),
      not: Condition.optional(),
    })
    .catchall(Matcher)
    .refine((c) => Object.keys(c).length > 0, { error: 'expected at least one condition', when: ({ issues }) => issues.length === 0 }),
).meta({
  id: 'Condition',
  description:
    'Field tests (all must hold) and the combinators all / any / not. Fields: lead fields, custom.<name>, score, grade, territory, account, time, day.',
}) as z.ZodType<ConditionInput>;

export const Requirements = z
  .strictObject({
    languages: z.array(z.string()).optional(),
    skills: z.array(z.string()).optional(),
    seniority: z.number().min(0).optional(),
    online: z.boolean().optional().meta({ description: 'Only reps whose presence is online.' }),
  })
  .meta({ id: 'Requirements' });

export const STRATEGIES = ['round-robin', 'load-balanced', 'performance', 'best-match', 'sticky'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

const Share = z.number().gt(0).max(1);

export const TeamAssign = z
  .strictObject({
    team: z.string().min(1),
    strategy: z.enum(STRATEGIES).default('round-robin'),
    require: Requirements.optional(),
    prefer: Requirements.optional().meta({ description: 'Attributes that raise a best-match score without excluding anyone.' }),
    branch: z
      .strictObject({
        by: z.enum(['territory', 'round-robin', 'load-balanced', 'performance']),
      })
      .optional()
      .meta({ description: 'Hierarchical routing: pick a sub-team first (by territory or a strategy), then an agent within it.' }),
    then: z.enum(STRATEGIES.filter((s) => s !== 'sticky') as ['round-robin', 'load-balanced', 'performance', 'best-match'])
      .optional()
      .meta({ description: 'With strategy sticky: how to pick when the sticky owner is not eligible (default round-robin).' }),
    roundRobin: z
      .strictObject({
        whenSkipped: z.enum(['keep-share', 'forfeit']).default('keep-share'),
        maxOwed: z
          .number()
          .min(0)
          .default(5)
          .meta({ description: 'With keep-share: the most leads owed to a rep who was away, so a return does not bring a flood.' }),
      })
      .optional(),
    performance: z
      .strictObject({
        priorWeight: z.number().min(0).default(10),
        maxShare: Share.default(0.5),
      })
      .optional(),
    bestMatch: z
      .strictObject({
        match: z.number().min(0).default(0.5),
        performance: z.number().min(0).default(0.3),
        load: z.number().min(0).default(0.2),
      })
      .optional(),
  })
  .meta({ id: 'TeamAssign' });

export const RepAssign = z.strictObject({ rep: z.string().min(1), require: Requirements.optional() }).meta({ id: 'RepAssign' });
export const OwnerAssign = z
  .strictObject({ owner: z.enum(['account', 'previous']), require: Requirements.optional() })
  .meta({ id: 'OwnerAssign' });
export const QueueAssign = z.strictObject({ queue: z.string().min(1) }).meta({ id: 'QueueAssign' });

export const QueuePullers = z
  .union(
    [
      z.enum(['everyone', 'nobody']),
      z
        .strictObject({ teams: z.array(z.string().min(1)).default([]), reps: z.array(z.string().min(1)).default([]) })
        .refine((p) => p.teams.length + p.reps.length > 0, { error: 'expected at least one team or rep (or: nobody)' }),
    ],
    { error: 'expected everyone, nobody, or { teams: […], reps: […] }' },
  )
  .meta({
    id: 'QueuePullers',
    description: 'Who may pull from the queue: every rep (the default), nobody (managers hand its leads out), or the members of these teams (sub-teams included) and these reps.',
  });

export const Queue = z
  .strictObject({
    pullers: QueuePullers.default('everyone'),
    require: Requirements.optional().meta({ description: 'What a rep must have to pull from the queue.' }),
  })
  .meta({ id: 'Queue' });

export const Assign = z
  .union([TeamAssign, RepAssign, OwnerAssign, QueueAssign], {
    error: 'expected one of { team: … }, { rep: … }, { owner: account }, { queue: … }',
  })
  .meta({ id: 'Assign' });

export const Route = z.strictObject({
  name: z.string().min(1),
  when: Condition.optional(),
  assign: Assign,
  onNoCandidate: z
    .enum(['next', 'hold'])
    .default('next')
    .meta({
      description:
        'When the route matches but nobody is eligible: try the next route, or hold the lead for this route while one of its reps is only temporarily unavailable (with nobody who could ever take it, the next route is tried).',
    }),
});

const Name = z.string().trim().min(1);
const OneOrMany = z.union([Name, z.array(Name).min(1)], { error: 'expected text (quote numbers such as "02134") or a list of text' });
const PostalRange = z.tuple([Name, Name]);

export const Territory = z
  .strictObject({
    country: OneOrMany.optional(),
    region: OneOrMany.optional(),
    city: OneOrMany.optional(),
    postalCode: z
      .union([
        OneOrMany,
        z
          .strictObject({
            prefix: OneOrMany.optional(),
            range: z.union([PostalRange, z.array(PostalRange).min(1)]).optional(),
          })
          .refine((p) => p.prefix !== undefined || p.range !== undefined, {
            error: 'expected prefix or range',
            when: ({ issues }) => issues.length === 0,
          }),
      ], { error: 'expected text (quote numbers such as "02134"), a list of text, or { prefix: …, range: … }' })
      .optional(),
  })
  .refine((t) => Object.keys(t).length > 0, {
    error: 'expected at least one of country, region, city, postalCode',
    when: ({ issues }) => issues.length === 0,
  })
  .meta({ id: 'Territory', description: 'Every given dimension must match.' });

export const ScoringRule = z.strictObject({ when: Condition, points: z.number() });

export const Scoring = z.strictObject({
  rules: z.array(ScoringRule).default([]),
  grades: z.record(z.string(), z.number()).default({}),
  qualifyAt: z.number().optional(),
});


export const RoutingConfig = z.strictObject({
  $schema: z.string().optional().meta({ description: 'The JSON Schema this document follows, for editors; ignored by leadrouter.' }),
  timezone: z.string().default('UTC'),
  scoring: Scoring.optional(),
  territories: z.record(z.string(), Territory).default({}),
  routes: z.array(Route).default([]),
  fallback: z.strictObject({ assign: Assign }).optional(),
  queues: z.record(z.string(), Queue).default({}).meta({ description: 'Who may pull from each queue, by key; a queue not listed is open to every rep.' }),
  offer: z
    .strictObject({
      timeout: Duration.default('5m'),
      maxAttempts: z.number().int().min(1).default(3),
      onExhausted: QueueAssign.optional(),
    })
    .optional(),
  sla: z
    .strictObject({
      firstContact: Duration,
      onBreach: z.enum(['reassign', 'escalate']).default('reassign'),
    })
    .optional(),
  notify: z
    .strictObject({
      rep: z.array(z.enum(['email', 'sms', 'webhook', 'slack'])).default([]),
      lead: z
        .strictObject({
          autoResponse: z.strictObject({ channel: z.enum(['email', 'sms']), template: z.string().min(1) }).optional(),
        })
        .optional(),
      managers: z.array(z.enum(['reassigned', 'sla-breached', 'unroutable', 'expired'])).default([]),
    })
    .optional(),
});

export type RoutingConfigInput = z.input<typeof RoutingConfig>;
export type RoutingConfigDoc = z.output<typeof RoutingConfig>;
export type AssignDoc = z.output<typeof Assign>;
export type TeamAssignDoc = z.output<typeof TeamAssign>;
export type RequirementsDoc = z.output<typeof Requirements>;
export type TerritoryDoc = z.output<typeof Territory>;
export type RouteDoc = z.output<typeof Route>;
export type QueueDoc = z.output<typeof Queue>;
