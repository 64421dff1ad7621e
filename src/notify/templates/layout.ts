/**
 * The HTML around every email: inline styles only, since mail clients drop style sheets, and
 * nothing that needs images or scripts to be read.
 */
export const LAYOUT = `<!doctype html>
<html>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{subject}}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;">
{{> @partial-block}}
</div>
</body>
</html>
`;

/** The lead's details as a table, and the link to the lead: the same in every message to the team. */
export const FACTS_TABLE = `<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:16px 0;">
{{#each facts}}
<tr><td style="padding:2px 16px 2px 0;color:#57606a;">{{label}}</td><td style="padding:2px 0;">{{value}}</td></tr>
{{/each}}
</table>`;

export const LEAD_BUTTON = `<p style="margin:24px 0 0;"><a href="{{link}}" style="display:inline-block;padding:8px 16px;background:#1f6feb;color:#ffffff;text-decoration:none;border-radius:6px;">Open the lead</a></p>
<p style="margin:8px 0 0;font-size:13px;color:#57606a;">{{link}}</p>`;
