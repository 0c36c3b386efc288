import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  TICKET_LIMITS,
  parseTicket,
  serializeTicket,
  ticketSchema,
  type TicketInput,
} from '@porthole/tickets';

const valid: TicketInput = {
  email: 'ada@example.com',
  subject: 'Cannot log in',
  message: 'The reset link has expired.',
};

function expectFieldError(input: unknown, field: string, pattern: RegExp): void {
  const result = parseTicket(input);
  assert.equal(result.success, false, `expected ${field} to be refused`);
  if (result.success) return;
  assert.match(result.fieldErrors[field] ?? '(no message)', pattern);
}

describe('parseTicket', () => {
  it('accepts a minimal ticket and returns it unchanged', () => {
    assert.deepEqual(parseTicket(valid), { success: true, ticket: valid });
  });

  it('accepts every optional field', () => {
    const full = {
      ...valid,
      name: 'Ada Lovelace',
      locale: 'pt-BR',
      pageUrl: 'https://example.com/help?q=1#top',
      metadata: { plan: 'pro', seats: 3, trial: false },
    };
    assert.deepEqual(parseTicket(full), { success: true, ticket: full });
  });

  it('trims strings and drops blank optional fields', () => {
    const result = parseTicket({
      email: '  ada@example.com\n',
      name: '   ',
      subject: '\tHello ',
      message: '\n  Line one\nLine two  \n',
      locale: '',
      pageUrl: ' ',
    });
    assert.deepEqual(result, {
      success: true,
      ticket: {
        email: 'ada@example.com',
        subject: 'Hello',
        message: 'Line one\nLine two',
        name: undefined,
        locale: undefined,
        pageUrl: undefined,
      },
    });
  });

  it('asks for the required fields in words a visitor understands', () => {
    const result = parseTicket({ email: '', subject: ' ', message: '' });
    assert.deepEqual(result, {
      success: false,
      fieldErrors: {
        email: 'Enter your email address',
        subject: 'Enter a subject',
        message: 'Enter your message',
      },
      fieldIssues: {
        email: { code: 'required' },
        subject: { code: 'required' },
        message: { code: 'required' },
      },
      message: 'Check these fields: Email, Subject, Message',
    });
    assert.deepEqual(parseTicket({}), result);
  });

  it('gives one field error as the summary message', () => {
    const result = parseTicket({ ...valid, email: 'ada' });
    assert.deepEqual(result, {
      success: false,
      fieldErrors: { email: 'Enter an email address like name@example.com' },
      fieldIssues: { email: { code: 'invalid-email' } },
      message: 'Enter an email address like name@example.com',
    });
  });

  it('says why each field was refused with a code a form can translate', () => {
    const result = parseTicket({
      email: 'ada@example.com',
      name: 'Ada\nLovelace',
      subject: `Broken \uD83D half`,
      message: 'x'.repeat(TICKET_LIMITS.message + 1),
      locale: 'en\u0007',
      website: 1,
      extra: 'x',
    });
    assert.equal(result.success, false);
    if (result.success) return;
    assert.deepEqual(result.fieldIssues, {
      name: { code: 'one-line' },
      subject: { code: 'broken-character' },
      message: { code: 'too-long', limit: TICKET_LIMITS.message },
      locale: { code: 'control-character' },
      website: { code: 'invalid' },
      extra: { code: 'unknown' },
    });
  });

  for (const email of ['ada', 'ada@', '@example.com', 'ada@example', 'a b@example.com']) {
    it(`refuses the email address ${JSON.stringify(email)}`, () => {
      expectFieldError({ ...valid, email }, 'email', /^Enter an email address like/);
    });
  }

  it('enforces every maximum length, and accepts exactly the maximum', () => {
    const cases: [keyof typeof TICKET_LIMITS & keyof TicketInput, (n: number) => string][] = [
      // A local part may have 64 characters; the rest is a domain of 49-character labels.
      ['email', (n) => `${'a'.repeat(64)}@${`${'d'.repeat(49)}.`.repeat(4).slice(0, n - 69)}.com`],
      ['name', (n) => 'n'.repeat(n)],
      ['subject', (n) => 's'.repeat(n)],
      ['message', (n) => 'm'.repeat(n)],
      ['locale', (n) => `en${'-abcdefgh'.repeat(4)}`.slice(0, n)],
      ['pageUrl', (n) => `https://example.com/${'p'.repeat(n - 20)}`],
    ];
    for (const [field, make] of cases) {
      const max = TICKET_LIMITS[field];
      const atMax = make(max);
      assert.equal(atMax.length, max, field);
      const ok = parseTicket({ ...valid, [field]: atMax });
      assert.ok(ok.success, `${field} at ${max}: ${JSON.stringify(ok)}`);
      expectFieldError(
        { ...valid, [field]: make(max + 1) },
        field,
        field === 'email' || field === 'locale' || field === 'pageUrl'
          ? /characters or fewer|like|must be/
          : new RegExp(`${max.toLocaleString('en-US')} characters or fewer`),
      );
    }
  });

  it('counts length like the HTML maxlength attribute (UTF-16 code units)', () => {
    const emoji = '😀'.repeat(TICKET_LIMITS.subject / 2);
    assert.ok(parseTicket({ ...valid, subject: emoji }).success);
    expectFieldError({ ...valid, subject: `${emoji}x` }, 'subject', /200 characters or fewer/);
  });

  it('refuses NUL and other control characters with a clear field error', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b']) {
      expectFieldError({ ...valid, message: `a${c}b` }, 'message', /invisible control character/);
      expectFieldError({ ...valid, subject: `a${c}b` }, 'subject', /invisible control character/);
      expectFieldError({ ...valid, name: `a${c}b` }, 'name', /invisible control character/);
      expectFieldError(
        { ...valid, metadata: { note: `a${c}b` } },
        'metadata',
        /invisible control character/,
      );
    }
  });

  it('keeps tabs and line breaks inside a message, but not in one-line fields', () => {
    const message = 'Steps:\n\t1. open\r\n\t2. click\u2028done';
    const ok = parseTicket({ ...valid, message });
    assert.ok(ok.success && ok.ticket.message === message);
    for (const field of ['subject', 'name']) {
      for (const br of ['\n', '\r', '\u2028']) {
        expectFieldError({ ...valid, [field]: `a${br}b` }, field, /must be on one line/);
      }
    }
    expectFieldError({ ...valid, subject: 'a\tb' }, 'subject', /invisible control character/);
  });

  it('refuses lone surrogates but keeps emoji and other astral characters', () => {
    for (const broken of ['\uD83D', 'x\uDE00', '\uDE00\uD83D']) {
      expectFieldError({ ...valid, subject: broken }, 'subject', /broken character/);
      expectFieldError({ ...valid, message: broken }, 'message', /broken character/);
    }
    const text = 'Ζητώ βοήθεια 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — č ś ļ я';
    const ok = parseTicket({ ...valid, subject: text, message: text, name: text });
    assert.ok(ok.success);
    assert.equal(ok.ticket.subject, text);
  });

  it('accepts only http(s) page addresses', () => {
    for (const pageUrl of ['https://example.com', 'HTTP://EXAMPLE.COM/x', 'http://[::1]:8787/']) {
      const ok = parseTicket({ ...valid, pageUrl });
      assert.ok(ok.success && ok.ticket.pageUrl === pageUrl, pageUrl);
    }
    for (const pageUrl of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.com',
      '//example.com',
      '/relative',
      'https://',
      'https:example.com',
    ]) {
      expectFieldError({ ...valid, pageUrl }, 'pageUrl', /web address starting with http/);
    }
  });

  it('accepts language tags and refuses other strings as locale', () => {
    for (const locale of ['en', 'hr', 'el', 'pt-BR', 'zh-Hant-TW', 'sr-Latn-RS']) {
      assert.ok(parseTicket({ ...valid, locale }).success, locale);
    }
    for (const locale of ['e', 'en_US', 'en-', '-en', 'english language', '12']) {
      expectFieldError({ ...valid, locale }, 'locale', /language tag like en or pt-BR/);
    }
  });

  it('checks metadata names, values and count', () => {
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    assert.ok(parseTicket({ ...valid, metadata: twenty }).success);
    expectFieldError(
      { ...valid, metadata: { ...twenty, k20: 1 } },
      'metadata',
      /at most 20 entries/,
    );
    expectFieldError({ ...valid, metadata: { ['k'.repeat(65)]: 1 } }, 'metadata', /64 characters/);
    expectFieldError({ ...valid, metadata: { '': 1 } }, 'metadata', /must not be empty/);
    expectFieldError({ ...valid, metadata: { a: 'v'.repeat(501) } }, 'metadata', /500 characters/);
    for (const value of [null, [], {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectFieldError({ ...valid, metadata: { a: value } }, 'metadata', /text, numbers|finite/i);
    }
    for (const metadata of [[], 'plan=pro', 3, null]) {
      expectFieldError({ ...valid, metadata }, 'metadata', /object of names/);
    }
  });

  it('refuses prototype-polluting keys instead of dropping them silently', () => {
    const polluted: unknown = JSON.parse(
      '{"email":"a@example.com","subject":"s","message":"m","metadata":{"__proto__":{"admin":true}}}',
    );
    expectFieldError(polluted, 'metadata', /object of names/);
    const topLevel = parseTicket(
      JSON.parse('{"email":"a@example.com","subject":"s","message":"m","__proto__":{"x":1}}'),
    );
    assert.equal(topLevel.success, false);
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it('refuses unknown fields', () => {
    expectFieldError({ ...valid, priority: 'high' }, 'priority', /not part of a ticket/);
  });

  it('accepts upload ids as attachments and refuses anything else there', () => {
    const id = `up_${'0123456789abcdef'.repeat(2)}`;
    const ok = parseTicket({ ...valid, attachments: [id] });
    assert.ok(ok.success && ok.ticket.attachments?.[0] === id);
    expectFieldError({ ...valid, attachments: ['../etc/passwd'] }, 'attachments', /upload/);
    expectFieldError({ ...valid, attachments: [id, id] }, 'attachments', /attached twice/);
    expectFieldError({ ...valid, attachments: id }, 'attachments', /list of upload ids/);
  });

  it('accepts internationalised email addresses and refuses malformed ones', () => {
    for (const email of [
      'ана@пример.рф',
      'δοκιμή@παράδειγμα.δοκιμή',
      'user+tag@mail.example.co.uk',
    ]) {
      assert.ok(parseTicket({ ...valid, email }).success, email);
    }
    for (const email of [
      'a@b',
      'a b@example.com',
      'a@@example.com',
      '.a@example.com',
      'a@exa mple.com',
    ]) {
      expectFieldError({ ...valid, email }, 'email', /like name@example.com/);
    }
  });

  it('ignores enumerable properties added to Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'polyfilled', {
      value: () => 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      const result = parseTicket({ ...valid, metadata: { plan: 'pro' } });
      assert.ok(result.success, JSON.stringify(result));
      assert.deepEqual(result.ticket.metadata, { plan: 'pro' });
    } finally {
      delete (Object.prototype as Record<string, unknown>).polyfilled;
    }
  });

  it('refuses values of the wrong type per field', () => {
    expectFieldError({ ...valid, subject: 42 }, 'subject', /^Subject must be text$/);
    expectFieldError({ ...valid, email: ['a@b.c'] }, 'email', /^Email must be text$/);
    for (const input of [null, 'ticket', 42, []]) {
      const result = parseTicket(input);
      assert.equal(result.success, false);
      if (!result.success) assert.match(result.message, /must be an object/);
    }
  });
});

describe('serializeTicket', () => {
  it('is stable whatever the key order', () => {
    const a = parseTicket({ ...valid, metadata: { b: 1, a: 'x' }, name: 'N' });
    const b = parseTicket({ name: 'N', metadata: { a: 'x', b: 1 }, ...valid });
    assert.ok(a.success && b.success);
    assert.equal(serializeTicket(a.ticket), serializeTicket(b.ticket));
    assert.notEqual(
      serializeTicket(a.ticket),
      serializeTicket({ ...a.ticket, message: `${a.ticket.message}!` }),
    );
  });
});

describe('ticketSchema (Standard Schema v1)', () => {
  it('gives the trimmed ticket as value, or one issue per refused field with its path', async () => {
    const standard = ticketSchema['~standard'];
    assert.equal(standard.version, 1);
    assert.deepEqual(await standard.validate({ ...valid, subject: ' Cannot log in ' }), {
      value: valid,
    });
    assert.deepEqual(await standard.validate({ ...valid, email: 'ada', extra: 1 }), {
      issues: [
        { message: 'Enter an email address like name@example.com', path: ['email'] },
        { message: 'This field is not part of a ticket; remove it', path: ['extra'] },
      ],
    });
    assert.deepEqual(await standard.validate(null), {
      issues: [{ message: 'A ticket must be an object with email, subject and message' }],
    });
  });
});
