import { timingSafeEqual } from 'node:crypto';
import { fromGoogleAdsLead, fromWebToLead, normalizeLead, type FormFields, type Problem } from '../capture/index.js';
import type { CaptureInput, CaptureResult } from './capture.js';
import { ServiceError } from './errors.js';
import type { StoredForm } from './forms.js';
import { redirectFor } from './forms.js';

/** Where captures go (the app's CaptureQueue), and where refused posts are kept. */
export interface CaptureSink {
  submit(input: CaptureInput): Promise<CaptureResult>;
  reject(submission: { source: string; reason: 'honeypot'; fields: Record<string, unknown> }): Promise<void>;
}

export type FormSubmission =
  /** Captured (created, replayed or linked as a duplicate). */
  | { kind: 'captured'; result: CaptureResult; redirect?: string; warnings: Problem[] }
  /** The honeypot was filled in: answered like a capture, stored as a rejected submission, not routed. */
  | { kind: 'spam'; redirect?: string };

const invalid = (problems: Problem[]) =>
  new ServiceError('invalid', problems.length === 1 ? `${problems[0]!.path || 'the lead'}: ${problems[0]!.message}` : `the lead has ${problems.length} problems`, problems);

/**
 * A post to a form source: its fields mapped (the form's mapping, Web-to-Lead names, leadrouter
 * names; the rest in `custom`), normalised and captured, with the lead's source defaulting to
 * the form's (else the form key). A post caught by the honeypot is kept as rejected, not captured.
 */
export async function submitForm(sink: CaptureSink, form: StoredForm, post: FormFields, defaultCountry: string): Promise<FormSubmission> {
  const mapped = fromWebToLead(post, { mapping: form.mapping, ...(form.honeypot !== null && { honeypot: form.honeypot }) });
  const redirect = redirectFor(form, mapped.returnUrl);
  const withRedirect = redirect === undefined ? {} : { redirect };
  if (mapped.spam) {
    await sink.reject({ source: `form:${form.key}`, reason: 'honeypot', fields: mapped.fields });
    return { kind: 'spam', ...withRedirect };
  }
  const normalized = normalizeLead({ source: form.source ?? form.key, ...mapped.fields }, { defaultCountry });
  if (!normalized.ok) throw invalid(normalized.errors);
  const result = await sink.submit({ lead: normalized.lead, actor: `form:${form.key}` });
  return { kind: 'captured', result, warnings: normalized.warnings, ...withRedirect };
}

/** Equal secrets, compared in constant time (for equal lengths; a length differs anyway). */
function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A Google Ads lead form webhook for a form source: refused (403) unless the payload's
 * `google_key` is the form's; the lead id is the externalId, so Google's retries are replayed,
 * not captured twice; test leads are marked as tests.
 */
export async function captureGoogleAdsLead(sink: CaptureSink, form: StoredForm, payload: unknown, defaultCountry: string): Promise<CaptureResult> {
  const given = typeof payload === 'object' && payload !== null ? (payload as { google_key?: unknown }).google_key : undefined;
  if (form.googleKey === null || typeof given !== 'string' || !sameSecret(form.googleKey, given)) {
    throw new ServiceError('forbidden', 'the google_key does not match this form source');
  }
  const converted = fromGoogleAdsLead(payload, { source: form.source ?? 'google-ads' });
  if (!converted.ok) throw invalid(converted.errors);
  const normalized = normalizeLead(converted.lead.fields, { defaultCountry });
  if (!normalized.ok) throw invalid(normalized.errors);
  return sink.submit({ lead: normalized.lead, isTest: converted.lead.isTest, actor: `google-ads:${form.key}` });
}
