/** Where a lead stands in its life (PRODUCT.md §2). */
export type LeadStatus = 'new' | 'unqualified' | 'held' | 'queued' | 'offered' | 'assigned' | 'contacted' | 'won' | 'lost';

/** Statuses of a lead still being worked: a new submission with its email or phone joins it. */
export const OPEN_STATUSES: readonly LeadStatus[] = ['new', 'held', 'queued', 'offered', 'assigned', 'contacted'];

/** Statuses in which the lead counts against its owner's capacity. */
export const OWNED_STATUSES: readonly LeadStatus[] = ['offered', 'assigned', 'contacted'];

export const isOwned = (status: LeadStatus): boolean => OWNED_STATUSES.includes(status);
