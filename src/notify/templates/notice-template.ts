/**
 * The Handlebars sources of one kind of notice. `subject`, `headline`, `text` and `sms` are plain
 * text and are not escaped; `html` is, so whatever a lead typed shows as text, never as markup.
 * `headline` is rendered first and given to the others as `{{headline}}`, and `subject` too.
 */
export interface NoticeTemplate {
  subject: string;
  headline?: string;
  text: string;
  /** Wrapped in the layout: `{{#> layout}}…{{/layout}}`. */
  html: string;
  /** Kept within 320 characters, link included. */
  sms: string;
}
