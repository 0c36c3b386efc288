/**
 * Destination URLs → destinations. Credentials live in the user info, percent-encoded, like
 * `DATABASE_URL`; every error names the destination by its credential-free name and says
 * what is missing, and never echoes a secret.
 */
import { createFreshdeskDestination } from './freshdesk.js';
import { createHelpScoutDestination } from './helpscout.js';
import { createSmtpDestination } from './smtp.js';
import type { Destination } from './types.js';
import { createWebhookDestination } from './webhook.js';
import { createZendeskDestination } from './zendesk.js';

export class DestinationError extends Error {
  override name = 'DestinationError';
}

export interface DestinationSecrets {
  webhookSecret?: string | undefined;
}

const EXAMPLES = {
  zendesk: 'zendesk+https://{email}%2Ftoken:{api_token}@{subdomain}.zendesk.com',
  freshdesk: 'freshdesk+https://{api_key}:X@{domain}.freshdesk.com',
  helpscout: 'helpscout+https://{app_id}:{app_secret}@api.helpscout.net/?mailbox={mailbox_id}',
  webhook: 'webhook+https://hooks.example.com/porthole',
  smtp: 'smtp://{user}:{password}@smtp.example.com:587?to=support@example.com&from=help@example.com',
} as const;

/** The URL without user info, query values other than the ones that tell destinations apart. */
export function redactDestination(raw: string): string {
  try {
    const url = new URL(raw);
    const keep = ['mailbox', 'to'].filter((key) => url.searchParams.has(key));
    const query = keep.map((key) => `${key}=${url.searchParams.get(key) ?? ''}`).join('&');
    const path = url.pathname === '/' ? '' : url.pathname;
    return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
  } catch {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0] ?? '';
    return `${scheme}(unparseable URL)`;
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

interface Parsed {
  url: URL;
  name: string;
  /** `https://host` of the vendor after the `+`. */
  origin: string;
  fail(problem: string): never;
}

function parse(raw: string, index: number): { kind: string; parsed: Parsed } {
  const name = redactDestination(raw);
  const fail = (problem: string): never => {
    throw new DestinationError(`Destination ${index + 1} (${name}): ${problem}`);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`not a URL. Examples:\n  ${Object.values(EXAMPLES).join('\n  ')}`);
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'smtp' || scheme === 'smtps') {
    return { kind: scheme, parsed: { url, name, origin: '', fail } };
  }
  const match = /^(zendesk|freshdesk|helpscout|webhook)\+(https?)$/.exec(scheme);
  if (!match?.[1] || !match[2]) {
    return fail(
      `unknown kind "${scheme}". Use zendesk+https, freshdesk+https, helpscout+https, webhook+https, smtp or smtps.`,
    );
  }
  return {
    kind: match[1],
    parsed: { url, name, origin: `${match[2]}://${url.host}`, fail },
  };
}

function zendesk({ url, name, origin, fail }: Parsed): Destination {
  const user = decode(url.username);
  const token = decode(url.password);
  if (!user.endsWith('/token') || user === '/token' || !token) {
    fail(
      `needs {email}/token:{api_token} in the user info (encode the / as %2F): ${EXAMPLES.zendesk}`,
    );
  }
  return createZendeskDestination({ origin, user, token, name });
}

function freshdesk({ url, name, origin, fail }: Parsed): Destination {
  const apiKey = decode(url.username);
  if (!apiKey) fail(`needs the API key as the user name: ${EXAMPLES.freshdesk}`);
  return createFreshdeskDestination({ origin, apiKey, name });
}

function helpscout({ url, name, origin, fail }: Parsed): Destination {
  const appId = decode(url.username);
  const appSecret = decode(url.password);
  const mailbox = url.searchParams.get('mailbox') ?? '';
  if (!appId || !appSecret)
    fail(`needs {app_id}:{app_secret} in the user info: ${EXAMPLES.helpscout}`);
  if (!/^\d+$/.test(mailbox)) fail(`needs ?mailbox={mailbox_id}, a number: ${EXAMPLES.helpscout}`);
  return createHelpScoutDestination({ origin, appId, appSecret, mailboxId: Number(mailbox), name });
}

function webhook({ url, name, fail }: Parsed, secrets: DestinationSecrets): Destination {
  if (url.username || url.password)
    fail('a webhook URL carries no credentials; it is signed instead.');
  if (!secrets.webhookSecret) {
    fail(
      'set PORTHOLE_WEBHOOK_SECRET (a long random string): webhook deliveries are signed with it.',
    );
  }
  if ((secrets.webhookSecret ?? '').length < 16)
    fail('PORTHOLE_WEBHOOK_SECRET must be at least 16 characters.');
  const target = new URL(url.href.replace(/^webhook\+/, ''));
  return createWebhookDestination({ url: target.href, secret: secrets.webhookSecret ?? '', name });
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function smtp({ url, name, fail }: Parsed, secure: boolean): Destination {
  const to = url.searchParams.get('to') ?? '';
  const from = url.searchParams.get('from') ?? '';
  if (!EMAIL.test(to)) fail(`needs ?to={support address}: ${EXAMPLES.smtp}`);
  if (!EMAIL.test(from))
    fail(`needs &from={sender address} (one your mail server may send as): ${EXAMPLES.smtp}`);
  if (!url.hostname) fail(`needs a host: ${EXAMPLES.smtp}`);
  const confirm = url.searchParams.get('confirm');
  if (confirm !== null && confirm !== '0' && confirm !== '1') fail('confirm must be 0 or 1.');
  const user = decode(url.username);
  return createSmtpDestination({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: decode(url.password) } } : {}),
    to,
    from,
    confirm: confirm === '1',
    name,
  });
}

/** Build the destinations named by `urls`; throws a {@link DestinationError} on the first bad one. */
export function parseDestinations(
  urls: readonly string[],
  secrets: DestinationSecrets,
): Destination[] {
  const destinations = urls.map((raw, index) => {
    const { kind, parsed } = parse(raw.trim(), index);
    switch (kind) {
      case 'zendesk':
        return zendesk(parsed);
      case 'freshdesk':
        return freshdesk(parsed);
      case 'helpscout':
        return helpscout(parsed);
      case 'webhook':
        return webhook(parsed, secrets);
      default:
        return smtp(parsed, kind === 'smtps');
    }
  });
  const names = new Set<string>();
  for (const [index, destination] of destinations.entries()) {
    if (names.has(destination.name)) {
      throw new DestinationError(`Destination ${index + 1} (${destination.name}) is listed twice.`);
    }
    names.add(destination.name);
  }
  return destinations;
}
