import type { Lead } from '../model.js';
import { LEAD_FIELDS } from '../config/schema.js';

export type FieldReader = (lead: Lead) => unknown;

const LEAD_FIELD_SET = new Set<string>(LEAD_FIELDS);

function emailDomain(lead: Lead): string | undefined {
  const at = lead.email?.lastIndexOf('@') ?? -1;
  return at >= 0 ? lead.email!.slice(at + 1) : undefined;
}

/** A reader for a lead field (`country`), a derived one (`emailDomain`) or a custom one (`custom.income`, `custom.a.b`). */
export function fieldReader(field: string): FieldReader | undefined {
  if (field === 'emailDomain') return emailDomain;
  if (LEAD_FIELD_SET.has(field)) {
    const key = field as keyof Lead;
    return (lead) => lead[key];
  }
  if (field.startsWith('custom.') && field.length > 'custom.'.length) {
    const parts = field.slice('custom.'.length).split('.');
    if (parts.some((p) => p === '')) return undefined;
    if (parts.length === 1) {
      const key = parts[0]!;
      return (lead) => lead.custom?.[key];
    }
    return (lead) => {
      let value: unknown = lead.custom;
      for (const part of parts) {
        if (value === null || typeof value !== 'object') return undefined;
        value = (value as Record<string, unknown>)[part];
      }
      return value;
    };
  }
  return undefined;
}
