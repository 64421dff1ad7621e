/**
 * The capture side's domain logic: what arrives (the JSON API, form posts with Salesforce
 * Web-to-Lead names, Google Ads lead forms) as the engine's Lead, checked and normalised, with the
 * keys to find its duplicates and its account. Pure: no I/O, no clock, data in and data out.
 */
export { normalizeLead, LEAD_FIELDS, type LeadField, type LeadInput, type NormalizeOptions, type NormalizeResult } from './normalize/index.js';
export { describeProblem, type Problem } from './problems.js';
export { fromWebToLead, WEB_TO_LEAD_FIELDS, TRANSPORT_FIELDS, type FormSource, type WebToLeadForm } from './web-to-lead.js';
export { mapFormFields, checkFieldMapping, FIELD_TARGETS, type FormFields, type FieldTarget, type MapFieldsOptions, type MappedForm } from './form-fields.js';
export { fromGoogleAdsLead, GoogleAdsPayload, type GoogleAdsLead, type GoogleAdsOptions, type GoogleAdsResult } from './google-ads.js';
export { accountKeys, companyKey, emailDomain, type AccountKey } from './account-key.js';
export { dedupeKeys, emailKey, phoneKey, type DedupeKey } from './dedupe-key.js';
export { isFreeMailDomain } from './free-mail.js';
export { splitFullName } from './full-name.js';
