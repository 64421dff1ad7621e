import providers from 'email-providers/all.json' with { type: 'json' };

/**
 * Free-mail and consumer mailbox domains (gmail.com, gmx.de, yahoo.co.jp, …: some 8,700) from the
 * `email-providers` package: an address there says nothing about who a lead works for.
 */
const FREE_MAIL: ReadonlySet<string> = new Set(providers.map((domain) => domain.toLowerCase()));

/**
 * Whether `domain` is a free-mail domain. Only the domain itself is looked up, not the domains it
 * is part of: the list holds a few public suffixes (`com.ar`) that would take every company there.
 */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain.toLowerCase().replace(/\.$/, ''));
}
