/** The API's answers as the console reads them: the types of the server's own schemas (src/http/schemas), erased at build time. */
import type { z } from 'zod';
import type { Lead as LeadSchema, LeadEvent } from '../../../src/http/schemas/leads';
import type { Rep as RepSchema, Team as TeamSchema, WhoAmI as WhoAmISchema } from '../../../src/http/schemas/people';

export type { LeadStatus } from '../../../src/lifecycle/statuses';

export type WhoAmI = z.output<typeof WhoAmISchema>;
export type Role = WhoAmI['role'];
export type Rep = z.output<typeof RepSchema>;
export type Team = z.output<typeof TeamSchema>;
export type Lead = z.output<typeof LeadSchema>;
export type TimelineEvent = z.output<typeof LeadEvent>;
