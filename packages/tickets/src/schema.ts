/**
 * The one ticket schema, shared by the widget (to show errors under the form fields before
 * anything is sent) and the server (to refuse what the widget would have refused). Written
 * with valibot so it tree-shakes down to the handful of checks used here.
 *
 * Rules of thumb:
 * - Strings are trimmed; nothing else is changed. Anything else that would need "fixing"
 *   (control characters, broken Unicode, markup-looking text) is either kept verbatim as plain
 *   text or refused with a field error, never silently altered.
 * - Lengths count UTF-16 code units, exactly like the HTML `maxlength` attribute, so a form
 *   field and the schema never disagree.
 * - Unknown keys are refused, not stripped: a stripped `attachments` would look sent and be lost.
 */
import * as v from 'valibot';
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

/**
 * Why each message refuses a field, so a form can word it in the visitor's language from the
 * code instead of showing the English sentence (see `parseTicket`'s `fieldIssues`).
 */
const ISSUE_CODES = new Map<string, FieldIssueCode>();

/** Register `message` as saying `code`, and return it. */
function coded(code: FieldIssueCode, message: string): string {
  ISSUE_CODES.set(message, code);
  return message;
}

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

interface TextOptions {
  max: number;
  /** Allow tab, CR and LF (message, metadata values). */
  multiline?: boolean;
  required?: string;
}

/** A trimmed string that PostgreSQL and every help desk can store as it is. */
function createTextSchema(label: string, { max, multiline = false, required }: TextOptions) {
  return v.pipe(
    v.string(`${label} must be text`),
    v.trim(),
    v.check(
      (s) => multiline || !LINE_BREAK.test(s),
      coded('one-line', `${label} must be on one line`),
    ),
    v.check(
      (s) => !(multiline ? CONTROL_CHARACTER_EXCEPT_WHITESPACE : CONTROL_CHARACTER).test(s),
      coded(
        'control-character',
        `${label} contains an invisible control character; remove it and try again`,
      ),
    ),
    v.check(
      (s) => !LONE_SURROGATE.test(s),
      coded(
        'broken-character',
        `${label} contains a broken character (half of an emoji or symbol); retype it and try again`,
      ),
    ),
    v.check((s) => required === undefined || s !== '', required && coded('required', required)),
    v.maxLength(max, `${label} must be ${max.toLocaleString('en-US')} characters or fewer`),
  );
}

/** Optional text: absent, or blank after trimming, both mean "not given". */
function createOptionalTextSchema(schema: v.GenericSchema<string, string>) {
  return v.optional(
    v.pipe(
      schema,
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  );
}

/**
 * One `@`, a local part without spaces or the characters RFC 5322 reserves, and a domain with
 * at least one dot whose labels a URL parser accepts. Unicode is welcome on both sides
 * (RFC 6531: `ана@пример.рф`), which valibot's `email()` refuses.
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

function isPlainRecord(value: unknown): value is Record<string, string | number | boolean> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !Object.keys(value).some((key) => RESERVED_KEYS.has(key))
  );
}

/**
 * A copy that holds only the object's own enumerable keys, on a null prototype. valibot walks
 * objects with `for … in`, which also visits enumerable properties that a page (or an old
 * polyfill) added to `Object.prototype`; on these copies there are none to visit.
 */
function ownKeysOnly<T extends object>(value: T): T {
  return Object.assign(Object.create(null) as T, value);
}

const metadataSchema = v.pipe(
  v.custom<Record<string, string | number | boolean>>(
    isPlainRecord,
    'Metadata must be an object of names and simple values',
  ),
  v.record(
    v.pipe(
      v.string(),
      v.minLength(1, 'Metadata names must not be empty'),
      v.maxLength(
        TICKET_LIMITS.metadataKey,
        `Metadata names must be ${TICKET_LIMITS.metadataKey} characters or fewer`,
      ),
      v.check(
        (key) => !CONTROL_CHARACTER.test(key) && !LONE_SURROGATE.test(key),
        'Metadata names must not contain control characters or broken characters',
      ),
    ),
    v.union(
      [
        createTextSchema('Each metadata value', {
          max: TICKET_LIMITS.metadataValue,
          multiline: true,
        }),
        v.pipe(v.number(), v.finite('Metadata numbers must be finite')),
        v.boolean(),
      ],
      'Metadata values must be text, numbers or true/false',
    ),
  ),
  v.maxEntries(
    TICKET_LIMITS.metadataKeys,
    `Metadata can have at most ${TICKET_LIMITS.metadataKeys} entries`,
  ),
);

const attachmentsSchema = v.pipe(
  v.array(
    v.pipe(
      v.string('Each attachment must be an upload id'),
      v.regex(UPLOAD_ID, 'Each attachment must be an id from the upload endpoint'),
    ),
    'Attachments must be a list of upload ids',
  ),
  v.maxLength(
    TICKET_LIMITS.attachments,
    `A ticket can have at most ${TICKET_LIMITS.attachments} attachments`,
  ),
  v.check((ids) => new Set(ids).size === ids.length, 'The same file is attached twice'),
);

/** The ticket schema. Prefer {@link parseTicket}, which turns issues into field messages. */
export const ticketSchema = v.strictObject(
  ownKeysOnly({
    email: v.pipe(
      createTextSchema(LABELS.email, {
        max: TICKET_LIMITS.email,
        required: REQUIRED_MESSAGES.email,
      }),
      v.check(
        isEmailAddress,
        coded('invalid-email', 'Enter an email address like name@example.com'),
      ),
    ),
    name: createOptionalTextSchema(createTextSchema(LABELS.name, { max: TICKET_LIMITS.name })),
    subject: createTextSchema(LABELS.subject, {
      max: TICKET_LIMITS.subject,
      required: REQUIRED_MESSAGES.subject,
    }),
    message: createTextSchema(LABELS.message, {
      max: TICKET_LIMITS.message,
      multiline: true,
      required: REQUIRED_MESSAGES.message,
    }),
    locale: createOptionalTextSchema(
      v.pipe(
        createTextSchema(LABELS.locale, { max: TICKET_LIMITS.locale }),
        v.check(
          (s) => s === '' || LANGUAGE_TAG.test(s),
          'Language must be a language tag like en or pt-BR',
        ),
      ),
    ),
    pageUrl: createOptionalTextSchema(
      v.pipe(
        createTextSchema(LABELS.pageUrl, { max: TICKET_LIMITS.pageUrl }),
        v.check(
          (s) => s === '' || isWebAddress(s),
          'Page address must be a web address starting with http:// or https://',
        ),
      ),
    ),
    metadata: v.optional(metadataSchema),
    /** Ids returned by `POST /v1/uploads`, in the order the visitor attached them. */
    attachments: v.optional(attachmentsSchema),
    /**
     * HMAC-SHA256 of `email` with the site's identity secret, computed by the site's backend
     * (hex). The server marks the ticket verified only when it matches; it is never stored.
     */
    userHash: v.optional(
      v.pipe(
        v.string('userHash must be text'),
        v.regex(/^[0-9A-Fa-f]{1,128}$/, 'userHash must be a hexadecimal HMAC-SHA256'),
      ),
    ),
    /**
     * The honeypot: a form field people never see and bots fill in. Anything but empty makes the
     * server answer as if it stored the ticket, and drop it.
     */
    website: v.optional(v.pipe(v.string(), v.maxLength(2_048))),
  }),
);

/** What a widget or an API client sends. */
export type TicketInput = v.InferInput<typeof ticketSchema>;
/** A validated ticket: strings trimmed, blank optional fields removed. */
export type Ticket = v.InferOutput<typeof ticketSchema>;
/** Extra context a site attaches to a ticket (plan, user id, app version …). */
export type TicketMetadata = Record<string, string | number | boolean>;

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

/** The ticket and its metadata as {@link ownKeysOnly} copies; anything else as it is. */
function withOwnKeysOnly(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy = ownKeysOnly(input as Record<string, unknown>);
  const { metadata } = copy;
  if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) {
    copy.metadata = ownKeysOnly(metadata);
  }
  return copy;
}

/** Unknown keys safe to echo back as `fieldErrors` keys (never `__proto__` or 10 kB of junk). */
const SAFE_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function describeField(field: string): string {
  const labels: Partial<Record<string, string>> = LABELS;
  return labels[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

function describeIssue(issue: v.BaseIssue<unknown>, field: string): string {
  if (issue.type === 'strict_object') {
    if (issue.expected === 'never') return 'This field is not part of a ticket; remove it';
    const required: Partial<Record<string, string>> = REQUIRED_MESSAGES;
    return required[field] ?? `${field} is required`;
  }
  return issue.message;
}

function classifyIssue(issue: v.BaseIssue<unknown>): FieldIssue {
  if (issue.type === 'strict_object') {
    return { code: issue.expected === 'never' ? 'unknown' : 'required' };
  }
  if (issue.type === 'max_length' && typeof issue.requirement === 'number') {
    return { code: 'too-long', limit: issue.requirement };
  }
  return { code: ISSUE_CODES.get(issue.message) ?? 'invalid' };
}

/**
 * Validate a ticket. Never throws: on failure, `fieldErrors` maps each field name to one
 * English sentence meant to be shown under that field, and `message` sums them up.
 */
export function parseTicket(input: unknown): ParseTicketResult {
  if (Array.isArray(input)) {
    return { success: false, fieldErrors: {}, fieldIssues: {}, message: NOT_AN_OBJECT };
  }
  const result = v.safeParse(ticketSchema, withOwnKeysOnly(input), { abortPipeEarly: true });
  if (result.success) return { success: true, ticket: result.output };

  const fieldErrors: FieldErrors = {};
  const fieldIssues: Partial<Record<string, FieldIssue>> = {};
  let formError: string | undefined;
  for (const issue of result.issues) {
    const key = issue.path?.[0]?.key;
    if (typeof key === 'string' && SAFE_FIELD_NAME.test(key)) {
      fieldErrors[key] ??= describeIssue(issue, key);
      fieldIssues[key] ??= classifyIssue(issue);
    } else {
      formError ??=
        issue.path === undefined ? NOT_AN_OBJECT : 'The ticket has a field that is not allowed';
    }
  }
  const fields = Object.keys(fieldErrors);
  const first = fields[0];
  const message =
    formError ??
    (fields.length === 1 && first !== undefined
      ? (fieldErrors[first] ?? '')
      : `Check these fields: ${fields.map(describeField).join(', ')}`);
  return { success: false, fieldErrors, fieldIssues, message };
}

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
