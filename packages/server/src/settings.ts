/**
 * Every knob of the server, resolved once at start from the options and the environment.
 * A value that cannot be understood is a {@link ConfigError} naming the variable and what it
 * expects: the server refuses to start rather than run with a guess.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TICKET_LIMITS } from '@porthole/tickets';
import { parseDatabaseUrl } from './database.js';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_MAX_BODY_BYTES,
  type AttachmentSettings,
  type DeliverySettings,
  type RateLimitSettings,
  type ServerOptions,
  type TicketFieldSpec,
} from './options.js';
import { SNIFFABLE_TYPES } from './sniff.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** `1500ms`, `15s`, `30m`, `24h`, `3d`; a bare number is milliseconds. */
export function parseDuration(value: string, name: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$/i.exec(value);
  if (!match) throw new ConfigError(`${name}="${value}" is not a duration like 15s, 30m or 24h.`);
  return Math.round(Number(match[1]) * (DURATION_UNITS[(match[2] ?? 'ms').toLowerCase()] ?? 1));
}

/** `512KB`, `10MB`, `1GiB`; a bare number is bytes. */
export function parseByteSize(value: string, name: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i.exec(value);
  if (!match) throw new ConfigError(`${name}="${value}" is not a size like 512KB or 10MB.`);
  return Math.round(Number(match[1]) * (SIZE_UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1));
}

function parseCount(value: string, name: string, min: number): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < min) {
    throw new ConfigError(`${name}="${value}" must be a whole number of at least ${min}.`);
  }
  return count;
}

/** `20/min`, `5/10s`, `100/h`, or `off`. */
export function parseRateLimit(value: string): RateLimitSettings | false {
  if (/^\s*off\s*$/i.test(value)) return false;
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*(ms|s|m|min|h|d)\s*$/i.exec(value);
  if (!match || Number(match[1]) < 1) {
    throw new ConfigError(
      `PORTHOLE_RATE_LIMIT="${value}" must look like 20/min, 5/10s or 100/h, or be off.`,
    );
  }
  return {
    limit: Number(match[1]),
    windowMs: parseDuration(`${match[2] || '1'}${match[3]}`, 'PORTHOLE_RATE_LIMIT'),
  };
}

const FIELD_TYPES = new Set(['text', 'textarea', 'select', 'checkbox', 'hidden']);
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** The allow-list of metadata names: a JSON array, inline or in a file. */
export function parseTicketFields(value: string, cwd: string): TicketFieldSpec[] {
  const source = value.trim().startsWith('[') ? 'PORTHOLE_TICKET_FIELDS' : resolve(cwd, value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source === 'PORTHOLE_TICKET_FIELDS' ? value : readFileSync(source, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `${source}: not readable JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`${source}: expected a JSON array of fields.`);
  const seen = new Set<string>();
  return parsed.map((field: unknown, index): TicketFieldSpec => {
    const where = `${source}[${index}]`;
    if (typeof field !== 'object' || field === null) {
      throw new ConfigError(`${where}: expected an object with name and type.`);
    }
    const { name, type, label, required, options, maxLength } = field as Record<string, unknown>;
    if (typeof name !== 'string' || !FIELD_NAME.test(name) || seen.has(name)) {
      throw new ConfigError(`${where}: name must be a unique identifier (letters, digits, _ . -).`);
    }
    seen.add(name);
    if (typeof type !== 'string' || !FIELD_TYPES.has(type)) {
      throw new ConfigError(`${where}: type must be text, textarea, select, checkbox or hidden.`);
    }
    if (
      type === 'select' &&
      !(Array.isArray(options) && options.every((o) => typeof o === 'string') && options.length > 0)
    ) {
      throw new ConfigError(`${where}: a select needs options, a list of strings.`);
    }
    if (maxLength !== undefined && !(Number.isInteger(maxLength) && (maxLength as number) > 0)) {
      throw new ConfigError(`${where}: maxLength must be a positive whole number.`);
    }
    return {
      name,
      type: type as TicketFieldSpec['type'],
      ...(typeof label === 'string' ? { label } : {}),
      ...(required === true ? { required: true } : {}),
      ...(Array.isArray(options) ? { options: options as string[] } : {}),
      ...(typeof maxLength === 'number' ? { maxLength } : {}),
    };
  });
}

export interface Settings {
  databaseUrl: string;
  agentToken: string | undefined;
  allowedOrigins: readonly string[];
  maxBodyBytes: number;
  deliver: readonly string[];
  webhookSecret: string | undefined;
  identitySecret: string | undefined;
  relay: boolean;
  delivery: DeliverySettings;
  uploadsDir: string;
  attachments: AttachmentSettings;
  ticketFields: readonly TicketFieldSpec[] | undefined;
  pageUrlParams: readonly string[];
  rateLimit: RateLimitSettings | false;
  trustProxy: boolean;
  idempotencyTtlMs: number;
  publicUrl: string | undefined;
}

function defaultUploadsDir(databaseUrl: string): string {
  const parsed = parseDatabaseUrl(databaseUrl);
  if (parsed.kind === 'sqlite' && parsed.file !== ':memory:') {
    return join(dirname(resolve(parsed.file)), 'uploads');
  }
  return resolve('.data/uploads');
}

function resolveDelivery(given: Partial<DeliverySettings> = {}, env: Env): DeliverySettings {
  const pick = (
    key: keyof DeliverySettings,
    variable: string,
    fallback: number,
    parse: (v: string, n: string) => number,
  ) => given[key] ?? (env[variable] ? parse(env[variable], variable) : fallback);
  const count = (min: number) => (v: string, n: string) => parseCount(v, n, min);
  return {
    maxAttempts: pick('maxAttempts', 'PORTHOLE_DELIVERY_MAX_ATTEMPTS', 12, count(1)),
    maxAgeMs: pick('maxAgeMs', 'PORTHOLE_DELIVERY_MAX_AGE', 3 * 86_400_000, parseDuration),
    timeoutMs: pick('timeoutMs', 'PORTHOLE_DELIVERY_TIMEOUT', 15_000, parseDuration),
    baseDelayMs: pick('baseDelayMs', 'PORTHOLE_DELIVERY_BASE_DELAY', 2_000, parseDuration),
    maxDelayMs: pick('maxDelayMs', 'PORTHOLE_DELIVERY_MAX_DELAY', 15 * 60_000, parseDuration),
    concurrency: pick('concurrency', 'PORTHOLE_DELIVERY_CONCURRENCY', 16, count(1)),
    pollMs: pick('pollMs', 'PORTHOLE_DELIVERY_POLL', 1_000, parseDuration),
  };
}

function resolveAttachments(given: Partial<AttachmentSettings> = {}, env: Env): AttachmentSettings {
  const typesVariable = env.PORTHOLE_ATTACHMENT_TYPES;
  const off = typesVariable !== undefined && /^\s*off\s*$/i.test(typesVariable);
  const types =
    given.types ??
    (typesVariable && !off
      ? typesVariable
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean)
      : ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']);
  for (const type of types) {
    if (!SNIFFABLE_TYPES.includes(type)) {
      throw new ConfigError(
        `Attachment type "${type}" cannot be recognised by its content; choose from ${SNIFFABLE_TYPES.join(', ')}.`,
      );
    }
  }
  const maxFiles =
    given.maxFiles ??
    (off
      ? 0
      : env.PORTHOLE_ATTACHMENT_MAX_FILES
        ? parseCount(env.PORTHOLE_ATTACHMENT_MAX_FILES, 'PORTHOLE_ATTACHMENT_MAX_FILES', 0)
        : 5);
  if (maxFiles > TICKET_LIMITS.attachments) {
    throw new ConfigError(
      `At most ${TICKET_LIMITS.attachments} attachments per ticket are possible.`,
    );
  }
  return {
    maxFiles,
    maxFileBytes:
      given.maxFileBytes ??
      (env.PORTHOLE_ATTACHMENT_MAX_BYTES
        ? parseByteSize(env.PORTHOLE_ATTACHMENT_MAX_BYTES, 'PORTHOLE_ATTACHMENT_MAX_BYTES')
        : 10 * 1024 ** 2),
    maxTotalBytes:
      given.maxTotalBytes ??
      (env.PORTHOLE_ATTACHMENT_MAX_TOTAL_BYTES
        ? parseByteSize(
            env.PORTHOLE_ATTACHMENT_MAX_TOTAL_BYTES,
            'PORTHOLE_ATTACHMENT_MAX_TOTAL_BYTES',
          )
        : 20 * 1024 ** 2),
    types,
  };
}

function list(value: string | undefined, separator: RegExp): string[] {
  return (value ?? '')
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Options first, then the environment, then the defaults. */
export function resolveSettings(
  options: ServerOptions,
  env: Env = process.env,
  cwd = process.cwd(),
): Settings {
  const databaseUrl = options.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const fieldsVariable = env.PORTHOLE_TICKET_FIELDS;
  const publicUrl = options.publicUrl ?? env.PORTHOLE_PUBLIC_URL;
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new ConfigError(`PORTHOLE_PUBLIC_URL must start with http:// or https://.`);
  }
  const uploadsDir = options.uploadsDir ?? env.PORTHOLE_UPLOADS_DIR;
  return {
    databaseUrl,
    agentToken: (options.agentToken ?? env.PORTHOLE_AGENT_TOKEN) || undefined,
    allowedOrigins: options.allowedOrigins ?? [],
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    deliver: options.deliver ?? list(env.PORTHOLE_DELIVER, /\s+/),
    webhookSecret: (options.webhookSecret ?? env.PORTHOLE_WEBHOOK_SECRET) || undefined,
    identitySecret: (options.identitySecret ?? env.PORTHOLE_IDENTITY_SECRET) || undefined,
    relay: options.relay ?? true,
    delivery: resolveDelivery(options.delivery, env),
    uploadsDir: uploadsDir ? resolve(cwd, uploadsDir) : defaultUploadsDir(databaseUrl),
    attachments: resolveAttachments(options.attachments, env),
    ticketFields:
      options.ticketFields ?? (fieldsVariable ? parseTicketFields(fieldsVariable, cwd) : undefined),
    pageUrlParams: options.pageUrlParams ?? list(env.PORTHOLE_PAGE_URL_PARAMS, /,/),
    rateLimit:
      options.rateLimit ??
      (env.PORTHOLE_RATE_LIMIT
        ? parseRateLimit(env.PORTHOLE_RATE_LIMIT)
        : { limit: 20, windowMs: 60_000 }),
    trustProxy: options.trustProxy ?? env.PORTHOLE_TRUST_PROXY === '1',
    idempotencyTtlMs:
      options.idempotencyTtlMs ??
      (env.PORTHOLE_IDEMPOTENCY_TTL
        ? parseDuration(env.PORTHOLE_IDEMPOTENCY_TTL, 'PORTHOLE_IDEMPOTENCY_TTL')
        : 86_400_000),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
  };
}
