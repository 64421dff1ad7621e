import type { SlackMessage } from '../message.js';

/** Slack's limits on a header block's text and a section's. */
const HEADER_LIMIT = 150;
const SECTION_LIMIT = 3000;

/**
 * A Slack-compatible incoming webhook payload: `text` always (what notifications and services
 * that know no blocks show), and with a subject, blocks that show it as a heading above the text.
 */
export function slackPayload(message: SlackMessage): { text: string; blocks?: unknown[] } {
  const text = escapeSlack(message.text);
  if (!message.subject) return { text };
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(message.subject, HEADER_LIMIT) } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_LIMIT) } },
    ],
  };
}

/** Slack reads `<…>` as a link or mention and `&` as the start of an entity: a lead's name must not be either. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
