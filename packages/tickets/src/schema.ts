/**
 * The one ticket schema, shared by the widget (to show errors under the form fields before
 * anything is sent) and the server (to refuse what the widget would have refused). Written
 * as plain checks, without a validation library: every visit that sends a ticket downloads
 * it (docs/decisions/2026-11-24-ticket-schema.md).
 *
 * Rules of thumb:
 * - Strings are trimmed; nothing else is changed. Anything else that would need "fixing"
 *   (control characters, broken Unicode, markup-looking text) is either kept verbatim as plain
 *   text or refused with a field error, never silently altered.
 * - Lengths count UTF-16 code units, exactly like the HTML `maxlength` attribute, so a form
 *   field and the schema never disagree.
 * - Unknown keys are refused, not stripped: a stripped `attachments` would look sent and be lost.
 */
import type { FieldErrors, FieldIssue, FieldIssueCode } from './types.js';

/** Every limit the schema enforces, for forms that want to show counters or `maxlength`. */
export const TICKET_LIMITS = {
  email: 254,
  name: 200,
  subject: 200,
  message: 20_000,
  locale: 35,
  pageUrl: 2_048,
  metadataKeys: 20,
  metadataKey: 64,
  metadataValue: 500,
  /** Upload ids per ticket; a server may allow fewer (its `attachments.maxFiles`). */
  attachments: 20,
  userHash: 128,
} as const;

/** What a visitor sees next to each field: the form's own labels. */
const LABELS = {
  email: 'Email',
  name: 'Name',
  subject: 'Subject',
  message: 'Message',
  locale: 'Language',
  pageUrl: 'Page address',
  metadata: 'Metadata',
  attachments: 'Attachments',
} as const;

const REQUIRED_MESSAGES = {
  email: 'Enter your email address',
  subject: 'Enter a subject',
  message: 'Enter your message',
} as const;

/** Any C0/C1 control character or DEL; multi-line fields still accept tab, CR and LF. */
const CONTROL_CHARACTER = /\p{Cc}/u;
const CONTROL_CHARACTER_EXCEPT_WHITESPACE = /[^\P{Cc}\t\n\r]/u;
/** In `u` mode a surrogate only matches when it is not half of a valid pair. */
const LONE_SURROGATE = /\p{Cs}/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/** BCP 47 in its common shapes (`en`, `pt-BR`, `zh-Hant-TW`, `sr-Latn`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** What `POST /v1/uploads` answers as `id`: `up_` and 32 lower-case hex digits. */
export const UPLOAD_ID = /^up_[0-9a-f]{32}$/;

/**
 * Why a field is refused: an English sentence to show under it, and a code (with the limit a
 * `too-long` field went over) for forms that word it in the visitor's language. Thrown by the
 * checks below and caught once per field by {@link parseTicket}.
 */
class Refusal {
  readonly issue: FieldIssue;

  constructor(
    readonly message: string,
    code: FieldIssueCode = 'invalid',
    limit?: number,
  ) {
    this.issue = limit === undefined ? { code } : { code, limit };
  }
}

function refuseIf(refused: boolean, message: string, code?: FieldIssueCode, limit?: number): void {
  if (refused) throw new Refusal(message, code, limit);
}

function refuseIfLonger(length: number, max: number, message: string): void {
  refuseIf(length > max, message, 'too-long', max);
}

interface TextOptions {
  max: number;
  /** Allow tab, CR and LF (message, metadata values). */
  multiline?: boolean;
  required?: string;
}

/** A trimmed string that PostgreSQL and every help desk can store as it is. */
function parseText(
  value: unknown,
  label: string,
  { max, multiline = false, required }: TextOptions,
): string {
  if (typeof value !== 'string') throw new Refusal(`${label} must be text`);
  const text = value.trim();
  refuseIf(!multiline && LINE_BREAK.test(text), `${label} must be on one line`, 'one-line');
  refuseIf(
    (multiline ? CONTROL_CHARACTER_EXCEPT_WHITESPACE : CONTROL_CHARACTER).test(text),
    `${label} contains an invisible control character; remove it and try again`,
    'control-character',
  );
  refuseIf(
    LONE_SURROGATE.test(text),
    `${label} contains a broken character (half of an emoji or symbol); retype it and try again`,
    'broken-character',
  );
  if (required !== undefined) refuseIf(text === '', required, 'required');
  refuseIfLonger(
    text.length,
    max,
    `${label} must be ${max.toLocaleString('en-US')} characters or fewer`,
  );
  return text;
}

/**
 * Optional text: absent, or blank after trimming, both mean "not given"; anything else must
 * also pass `valid`, or is refused with `invalid`.
 */
function parseOptionalText(
  value: unknown,
  label: string,
  max: number,
  valid?: (text: string) => boolean,
  invalid = '',
): string | undefined {
  if (value === undefined) return undefined;
  const text = parseText(value, label, { max });
  if (text === '') return undefined;
  refuseIf(valid !== undefined && !valid(text), invalid);
  return text;
}

/**
 * One `@`, a local part without spaces or the characters RFC 5322 reserves, and a domain with
 * at least one dot whose labels a URL parser accepts. Unicode is welcome on both sides
 * (RFC 6531: `ана@пример.рф`).
 */
const EMAIL_LOCAL_PART = /^[^\s@"(),:;<>[\\\]]{1,64}$/u;

function isEmailAddress(s: string): boolean {
  const at = s.lastIndexOf('@');
  if (at <= 0 || s.indexOf('@') !== at) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (!EMAIL_LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.')) return false;
  if (local.includes('..') || !/^[^\s@/?#:[\]\\]+\.[^\s@/?#:.[\]\\]{2,}$/u.test(domain))
    return false;
  try {
    // The URL parser applies IDNA (UTS #46): it refuses labels no registry could hold.
    return new URL(`http://${domain}/`).hostname.length > 0;
  } catch {
    return false;
  }
}

function isWebAddress(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

const NOT_METADATA = 'Metadata must be an object of names and simple values';

/**
 * Metadata as a new plain object. Only the object's own keys are read, never enumerable
 * properties a page (or an old polyfill) added to `Object.prototype`, and prototype-polluting
 * names are refused rather than dropped.
 */
function parseMetadata(value: unknown): TicketMetadata | undefined {
  if (value === undefined) return undefined;
  refuseIf(typeof value !== 'object' || value === null || Array.isArray(value), NOT_METADATA);
  const names = Object.keys(value as object);
  refuseIf(
    names.some((name) => RESERVED_KEYS.has(name)),
    NOT_METADATA,
  );
  const metadata: TicketMetadata = {};
  for (const name of names) {
    refuseIf(name === '', 'Metadata names must not be empty');
    refuseIfLonger(
      name.length,
      TICKET_LIMITS.metadataKey,
      `Metadata names must be ${TICKET_LIMITS.metadataKey} characters or fewer`,
    );
    refuseIf(
      CONTROL_CHARACTER.test(name) || LONE_SURROGATE.test(name),
      'Metadata names must not contain control characters or broken characters',
    );
    metadata[name] = parseMetadataValue((value as Record<string, unknown>)[name]);
  }
  refuseIf(
    names.length > TICKET_LIMITS.metadataKeys,
    `Metadata can have at most ${TICKET_LIMITS.metadataKeys} entries`,
  );
  return metadata;
}

function parseMetadataValue(value: unknown): string | number | boolean {
  if (typeof value === 'string') {
    return parseText(value, 'Each metadata value', {
      max: TICKET_LIMITS.metadataValue,
      multiline: true,
    });
  }
  if (typeof value === 'number' && !Number.isNaN(value)) {
    refuseIf(!Number.isFinite(value), 'Metadata numbers must be finite');
    return value;
  }
  if (typeof value === 'boolean') return value;
  throw new Refusal('Metadata values must be text, numbers or true/false');
}

function parseAttachments(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new Refusal('Attachments must be a list of upload ids');
  const ids: string[] = [];
  for (const id of value as unknown[]) {
    if (typeof id !== 'string') throw new Refusal('Each attachment must be an upload id');
    refuseIf(!UPLOAD_ID.test(id), 'Each attachment must be an id from the upload endpoint');
    ids.push(id);
  }
  refuseIfLonger(
    ids.length,
    TICKET_LIMITS.attachments,
    `A ticket can have at most ${TICKET_LIMITS.attachments} attachments`,
  );
  refuseIf(new Set(ids).size !== ids.length, 'The same file is attached twice');
  return ids;
}

/** An optional string taken as it is (not trimmed), once `check` does not refuse it. */
function parseToken(value: unknown, name: string, check: (token: string) => void) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new Refusal(`${name} must be text`);
  check(value);
  return value;
}

/** Extra context a site attaches to a ticket (plan, user id, app version …). */
export type TicketMetadata = Record<string, string | number | boolean>;

/** What a widget or an API client sends. */
export interface TicketInput {
  email: string;
  name?: string | undefined;
  subject: string;
  message: string;
  /** A BCP 47 language tag: the language the visitor wrote in. */
  locale?: string | undefined;
  /** The page the visitor asked from (http or https). */
  pageUrl?: string | undefined;
  metadata?: TicketMetadata | undefined;
  /** Ids returned by `POST /v1/uploads`, in the order the visitor attached them. */
  attachments?: string[] | undefined;
  /**
   * HMAC-SHA256 of `email` with the site's identity secret, computed by the site's backend
   * (hex). The server marks the ticket verified only when it matches; it is never stored.
   */
  userHash?: string | undefined;
  /**
   * The honeypot: a form field people never see and bots fill in. Anything but empty makes the
   * server answer as if it stored the ticket, and drop it.
   */
  website?: string | undefined;
}

/** A validated ticket: strings trimmed, blank optional fields removed. */
export type Ticket = TicketInput;

/**
 * Each field's check, in the order a form shows them (and `parseTicket` reports them): the
 * value to keep, or a thrown {@link Refusal}. Only `email`, `subject` and `message` are
 * required (see `REQUIRED_MESSAGES`).
 */
const FIELDS: { [K in keyof TicketInput]-?: (value: unknown) => TicketInput[K] } = {
  email: (value) => {
    const email = parseText(value, LABELS.email, {
      max: TICKET_LIMITS.email,
      required: REQUIRED_MESSAGES.email,
    });
    refuseIf(
      !isEmailAddress(email),
      'Enter an email address like name@example.com',
      'invalid-email',
    );
    return email;
  },
  name: (value) => parseOptionalText(value, LABELS.name, TICKET_LIMITS.name),
  subject: (value) =>
    parseText(value, LABELS.subject, {
      max: TICKET_LIMITS.subject,
      required: REQUIRED_MESSAGES.subject,
    }),
  message: (value) =>
    parseText(value, LABELS.message, {
      max: TICKET_LIMITS.message,
      multiline: true,
      required: REQUIRED_MESSAGES.message,
    }),
  locale: (value) =>
    parseOptionalText(
      value,
      LABELS.locale,
      TICKET_LIMITS.locale,
      (tag) => LANGUAGE_TAG.test(tag),
      'Language must be a language tag like en or pt-BR',
    ),
  pageUrl: (value) =>
    parseOptionalText(
      value,
      LABELS.pageUrl,
      TICKET_LIMITS.pageUrl,
      isWebAddress,
      'Page address must be a web address starting with http:// or https://',
    ),
  metadata: parseMetadata,
  attachments: parseAttachments,
  userHash: (value) =>
    parseToken(value, 'userHash', (hash) =>
      refuseIf(!/^[0-9A-Fa-f]{1,128}$/.test(hash), 'userHash must be a hexadecimal HMAC-SHA256'),
    ),
  website: (value) =>
    parseToken(value, 'website', (website) =>
      refuseIfLonger(website.length, 2_048, 'website must be 2,048 characters or fewer'),
    ),
};

export type ParseTicketResult =
  | { success: true; ticket: Ticket }
  | {
      success: false;
      /** One English sentence per refused field, to show under it. */
      fieldErrors: FieldErrors;
      /** Why each field was refused, for forms that word the message themselves. */
      fieldIssues: Partial<Record<string, FieldIssue>>;
      message: string;
    };

const NOT_AN_OBJECT = 'A ticket must be an object with email, subject and message';

/** Unknown keys safe to echo back as `fieldErrors` keys (never `__proto__` or 10 kB of junk). */
const SAFE_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function describeField(field: string): string {
  const labels: Partial<Record<string, string>> = LABELS;
  return labels[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

/**
 * Validate a ticket. Never throws: on failure, `fieldErrors` maps each field name to one
 * English sentence meant to be shown under that field, and `message` sums them up.
 * Only the input's own enumerable keys count; an unknown one is refused, not stripped: a
 * stripped `attachments` would look sent and be lost.
 */
export function parseTicket(input: unknown): ParseTicketResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { success: false, fieldErrors: {}, fieldIssues: {}, message: NOT_AN_OBJECT };
  }
  const given = Object.keys(input);
  const requiredMessages: Partial<Record<string, string>> = REQUIRED_MESSAGES;
  const ticket: Record<string, unknown> = {};
  const fieldErrors: FieldErrors = {};
  const fieldIssues: Partial<Record<string, FieldIssue>> = {};
  for (const [field, parse] of Object.entries(FIELDS) as [string, (value: unknown) => unknown][]) {
    try {
      if (given.includes(field)) ticket[field] = parse((input as Record<string, unknown>)[field]);
      else {
        const required = requiredMessages[field];
        if (required !== undefined) throw new Refusal(required, 'required');
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      fieldErrors[field] = error.message;
      fieldIssues[field] = error.issue;
    }
  }
  let formError: string | undefined;
  for (const key of given) {
    if (Object.hasOwn(FIELDS, key)) continue;
    if (SAFE_FIELD_NAME.test(key)) {
      fieldErrors[key] = 'This field is not part of a ticket; remove it';
      fieldIssues[key] = { code: 'unknown' };
    } else formError = 'The ticket has a field that is not allowed';
  }
  const fields = Object.keys(fieldErrors);
  if (fields.length === 0 && formError === undefined) {
    return { success: true, ticket: ticket as unknown as Ticket };
  }
  const first = fields[0];
  const message =
    formError ??
    (fields.length === 1 && first !== undefined
      ? (fieldErrors[first] ?? '')
      : `Check these fields: ${fields.map(describeField).join(', ')}`);
  return { success: false, fieldErrors, fieldIssues, message };
}

/**
 * The ticket schema as a [Standard Schema](https://standardschema.dev) (v1), for libraries
 * that validate with any schema (form libraries, Hono's `sValidator`, tRPC). Prefer
 * {@link parseTicket}, which gives field messages and issue codes.
 */
export const ticketSchema: StandardSchemaV1<TicketInput, Ticket> = {
  '~standard': {
    version: 1,
    vendor: 'porthole',
    validate(value) {
      const result = parseTicket(value);
      if (result.success) return { value: result.ticket };
      const issues = Object.entries(result.fieldErrors).map(([key, message]) => ({
        message: message ?? '',
        path: [key],
      }));
      return { issues: issues.length > 0 ? issues : [{ message: result.message }] };
    },
  },
};

/** The Standard Schema v1 interface (https://standardschema.dev), as its spec gives it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** What a Standard Schema's `validate` returns. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: readonly {
        readonly message: string;
        readonly path?: readonly PropertyKey[] | undefined;
      }[];
    };

/**
 * A stable serialisation of a validated ticket (keys sorted at every level), for comparing two
 * submissions that reuse one idempotency key.
 */
export function serializeTicket(ticket: Ticket): string {
  return JSON.stringify(ticket, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
