/**
 * The shared hostile-text vectors (`../shared/security/xss-vectors.json`, context `text`), read
 * in place at test time and never copied into the repository. The schema's contract for each
 * one, in every field it could reach: accepted verbatim as plain text (only the documented
 * trim), or refused with a field error that does not echo the input. Never altered silently.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseTicket, type Ticket, type TicketInput } from '@porthole/tickets';

interface Vector {
  id: string;
  input: string;
  context: string;
  group: string;
}

const vectorsFile = fileURLToPath(
  new URL('../../../../shared/security/xss-vectors.json', import.meta.url),
);

const base: TicketInput = {
  email: 'ada@example.com',
  subject: 'Help',
  message: 'Hello',
};

/** Where each group of vectors could land in a ticket. */
type Target = 'email' | 'name' | 'subject' | 'message' | 'pageUrl' | 'metadata';
const TARGETS: Record<string, Target[]> = {
  'ticket-echo': ['name', 'subject', 'message', 'metadata'],
  'url-field': ['pageUrl', 'message'],
  'email-field': ['email', 'message'],
  'attachment-filename': ['subject', 'message', 'metadata'],
  'lit-sinks': ['name', 'subject', 'message'],
};
/** Groups that must never pass in their own field, whatever else happens. */
const MUST_REFUSE: Partial<Record<string, Target>> = {
  'url-field': 'pageUrl',
  'email-field': 'email',
};

function place(target: Target, value: string): Record<string, unknown> {
  return target === 'metadata'
    ? { ...base, metadata: { fileName: value } }
    : { ...base, [target]: value };
}

function read(ticket: Ticket, target: Target): unknown {
  return target === 'metadata' ? ticket.metadata?.fileName : ticket[target];
}

describe('shared XSS vectors (context "text")', () => {
  assert.ok(
    existsSync(vectorsFile),
    `${vectorsFile} is missing: the tests read ../shared beside the repository`,
  );
  const all = JSON.parse(readFileSync(vectorsFile, 'utf8')) as Vector[];
  const vectors = all.filter((v) => v.context === 'text');

  it('finds the 30 text vectors, each with a known group', () => {
    assert.equal(vectors.length, 30);
    for (const v of vectors) assert.ok(TARGETS[v.group], `${v.id}: unknown group ${v.group}`);
  });

  for (const vector of vectors) {
    it(`${vector.id} (${vector.group}) is kept verbatim or refused clearly`, () => {
      for (const target of TARGETS[vector.group] ?? []) {
        const result = parseTicket(place(target, vector.input));
        if (result.success) {
          assert.notEqual(MUST_REFUSE[vector.group], target, `${vector.id} passed as ${target}`);
          // The only change allowed is the documented trim.
          assert.equal(
            read(result.ticket, target),
            vector.input.trim(),
            `${vector.id} in ${target}`,
          );
          assert.deepEqual(
            { ...result.ticket, [target]: undefined, metadata: undefined },
            {
              ...base,
              [target]: undefined,
              metadata: undefined,
            },
          );
        } else {
          const field = target;
          const message = result.fieldErrors[field];
          assert.ok(message, `${vector.id} in ${target}: refused without a ${field} error`);
          assert.match(message, /^[A-Z][^<>]{10,200}$/, `${vector.id}: unclear message ${message}`);
          assert.ok(!message.includes(vector.input.trim()), `${vector.id}: message echoes input`);
          assert.deepEqual(Object.keys(result.fieldErrors), [field], 'other fields were blamed');
        }
      }
    });
  }
});
