/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { TicketError } from '@porthole/tickets';
import type { Ticket, TicketReceipt } from '@porthole/tickets';
import { useFakeTimers } from 'sinon';
import { spyOn, until } from '../../test/fixtures.js';
import { englishTranslator } from '../i18n/translator.js';
import type { PanelHost } from './host.js';
import { OutboxRunner } from './outbox-runner.js';
import { OutboxStore } from './outbox.js';
import type { OutboxEntry } from './outbox.js';

const SCOPE = 'https://help.example/v1/tickets';
const ticket: Ticket = { email: 'ana@example.com', subject: 'Refund', message: 'Twice.' };
const receipt = (n: number): TicketReceipt => ({
  id: `id-${n}`,
  reference: `PH-AAAA-000${n}`,
  createdAt: '2026-12-01T10:00:00.000Z',
});

/** Whether the browser says it is online, as a test wants it. */
function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  if (online) dispatchEvent(new Event('online'));
}

/** Every entry of the scope, as stored. */
function stored(): OutboxEntry[] {
  return Object.keys(localStorage)
    .filter((key) => key.startsWith(`porthole:outbox:v1:${SCOPE}:`))
    .map((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as OutboxEntry);
}

/** A submit that records its calls and answers with `answer` (a receipt, or an error). */
function fakeSubmit(answer: (call: number) => TicketReceipt | Error) {
  const calls: { ticket: Ticket; key: string }[] = [];
  const submit = async (sent: Ticket, key: string) => {
    calls.push({ ticket: sent, key });
    const result = answer(calls.length);
    if (result instanceof Error) throw result;
    return result;
  };
  return { calls, submit };
}

const hosts: Element[] = [];

/** What the runner needs of the panel: an element to fire events on, text, re-rendering. */
function fakeHost(): PanelHost {
  const host = document.createElement('div') as unknown as PanelHost;
  Object.assign(host, { i18n: englishTranslator(), requestUpdate: () => undefined });
  document.body.append(host);
  hosts.push(host);
  return host;
}

/**
 * Wait for `predicate` across real tasks while sinon fakes the timers (Web Locks answer in
 * tasks of their own, which a fake clock does not run): a message to itself is one task.
 */
async function untilTasks(predicate: () => boolean, message: string): Promise<void> {
  for (let task = 0; task < 500 && !predicate(); task++) {
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    });
  }
  if (!predicate()) throw new Error(`Timed out: ${message}`);
}

const network = () => new TicketError('network', 'Could not reach the help desk.');
const unavailable = () =>
  new TicketError('server', 'Down.', { status: 503, cause: { retryAfter: 5_000 } });

describe('the outbox', () => {
  const runners: OutboxRunner[] = [];
  beforeEach(() => {
    localStorage.clear();
    setOnline(true);
  });
  afterEach(() => {
    for (const runner of runners.splice(0)) runner.stop();
    delete (navigator as { onLine?: boolean }).onLine;
    for (const host of hosts.splice(0)) host.remove();
  });

  function runner(host = fakeHost(), submit = fakeSubmit(() => receipt(1)).submit) {
    const started = new OutboxRunner(host, new OutboxStore(SCOPE), submit, () => undefined);
    runners.push(started);
    return started;
  }

  describe('Send', () => {
    it('sends at once and keeps nothing once the server has the ticket', async () => {
      const { calls, submit } = fakeSubmit(() => receipt(1));
      const result = await new OutboxStore(SCOPE).send(ticket, 'key-1', submit);
      expect(result).to.deep.equal({ kind: 'sent', receipt: receipt(1) });
      expect(calls).to.deep.equal([{ ticket, key: 'key-1' }]);
      expect(stored()).to.deep.equal([]);
    });

    it('offline, stores the ticket and does not even try', async () => {
      setOnline(false);
      const { calls, submit } = fakeSubmit(() => receipt(1));
      const result = await new OutboxStore(SCOPE).send(ticket, 'key-1', submit);
      expect(result.kind).to.equal('queued');
      expect(calls).to.have.length(0);
      expect(stored().map((entry) => [entry.key, entry.ticket])).to.deep.equal([['key-1', ticket]]);
    });

    it('keeps a ticket the network or the server failed (5xx), to send it later', async () => {
      for (const failure of [network, unavailable]) {
        localStorage.clear();
        const { submit } = fakeSubmit(failure);
        const result = await new OutboxStore(SCOPE).send(ticket, 'key-1', submit);
        expect(result.kind).to.equal('queued');
        expect(stored().map((entry) => entry.ticket)).to.deep.equal([ticket]);
      }
    });

    it('keeps nothing the server refused for good, or told the visitor to wait for (429)', async () => {
      const refusals = [
        new TicketError('invalid', 'Check these fields: Topic', { status: 400 }),
        new TicketError('rejected', 'Too large.', { status: 413 }),
        new TicketError('rejected', 'Busy.', { status: 429, retryable: true }),
      ];
      for (const refusal of refusals) {
        const { submit } = fakeSubmit(() => refusal);
        const result = await new OutboxStore(SCOPE).send(ticket, 'key-1', submit);
        expect(result).to.deep.equal({ kind: 'failed', error: refusal });
        expect(stored()).to.deep.equal([]);
      }
    });

    it('says "failed", not "saved", when storage refuses to keep the ticket', async () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const { submit } = fakeSubmit(network);
        const result = await new OutboxStore(SCOPE).send(ticket, 'key-1', submit);
        expect(result.kind).to.equal('failed');
      } finally {
        Storage.prototype.setItem = original;
      }
    });
  });

  describe('the runner', () => {
    it('sends what waits when the page starts, with its key, and keeps only the receipt', async () => {
      const store = new OutboxStore(SCOPE);
      store.put({ key: 'key-1', ticket, tries: 3, next: Date.now() + 60_000 });
      const host = fakeHost();
      const created = spyOn<CustomEvent<{ receipt: TicketReceipt }>>(
        host,
        'porthole-ticket-created',
      );
      const { calls, submit } = fakeSubmit(() => receipt(1));
      runner(host, submit).start(true);
      await until(() => created.count === 1, 'delivered');
      expect(calls).to.deep.equal([{ ticket, key: 'key-1' }]);
      expect(created.last()?.detail.receipt).to.deep.equal(receipt(1));
      expect(stored()).to.deep.equal([{ key: 'key-1', tries: 3, next: 0, receipt: receipt(1) }]);
    });

    it('waits for `online` when offline, then sends by itself', async () => {
      setOnline(false);
      new OutboxStore(SCOPE).put({ key: 'key-1', ticket, tries: 0, next: 0 });
      const { calls, submit } = fakeSubmit(() => receipt(1));
      const started = runner(fakeHost(), submit);
      started.start(true);
      await started.flush(true);
      expect(calls, 'nothing tried offline').to.have.length(0);
      setOnline(true);
      await until(() => calls.length === 1, 'sent once online');
      expect(stored()[0]?.receipt).to.deep.equal(receipt(1));
    });

    it('backs off after a failure, and waits at least as long as Retry-After says', async () => {
      const clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      try {
        new OutboxStore(SCOPE).put({ key: 'key-1', ticket, tries: 0, next: 0 });
        const { calls, submit } = fakeSubmit((n) => (n === 1 ? unavailable() : receipt(1)));
        const started = runner(fakeHost(), submit);
        await started.flush(true);
        expect(calls).to.have.length(1);
        const [entry] = stored();
        expect(entry?.tries).to.equal(1);
        // Backoff alone would be 1–2 s: the server asked for 5.
        expect(entry?.next).to.equal(Date.now() + 5_000);
        await clock.tickAsync(4_900);
        expect(calls, 'not before Retry-After').to.have.length(1);
        await clock.tickAsync(200);
        await untilTasks(() => stored()[0]?.receipt !== undefined, 'tried again by itself');
        expect(calls).to.have.length(2);
        expect(stored()[0]?.receipt).to.deep.equal(receipt(1));
      } finally {
        clock.restore();
      }
    });

    it('never sends one ticket twice from two tabs that both come back online', async () => {
      setOnline(false);
      new OutboxStore(SCOPE).put({ key: 'key-1', ticket, tries: 0, next: 0 });
      // The server holds the request until the test lets it answer, so the two tabs are at
      // the same ticket at the same time.
      let answer = () => {};
      const answered = new Promise<void>((resolve) => (answer = resolve));
      const senders: number[] = [];
      const { submit } = fakeSubmit(() => receipt(1));
      const heldBy = (tab: number) => async (sent: Ticket, key: string) => {
        senders.push(tab);
        const result = submit(sent, key);
        await answered;
        return result;
      };
      const hosts = [fakeHost(), fakeHost()];
      const created = hosts.map((host) => spyOn(host, 'porthole-ticket-created'));
      const tabs = hosts.map((host, tab) => runner(host, heldBy(tab)));
      for (const tab of tabs) tab.start(true);
      setOnline(true);
      await until(() => senders.length === 1, 'one tab is sending');
      // The other tab tries again while that request is open: it must leave the ticket alone.
      const other = tabs[1 - (senders[0] ?? 0)] as OutboxRunner;
      await other.flush(true);
      expect(senders).to.have.length(1);
      answer();
      await until(() => (created[0]?.count ?? 0) + (created[1]?.count ?? 0) === 1, 'delivered');
      await Promise.all(tabs.map((tab) => tab.flush(true)));
      expect(senders, 'and not after it was delivered either').to.have.length(1);
      expect(stored()[0]?.receipt).to.deep.equal(receipt(1));
    });

    it('keeps a ticket refused for good with the reason, until the form takes it back', async () => {
      new OutboxStore(SCOPE).put({
        key: 'key-1',
        ticket: { ...ticket, name: 'Ana', metadata: { plan: 'pro', topic: 'billing' } },
        tries: 2,
        next: 0,
      });
      const refusal = new TicketError('rejected', 'Nope.', { status: 422 });
      const reported: unknown[] = [];
      const started = new OutboxRunner(
        fakeHost(),
        new OutboxStore(SCOPE),
        fakeSubmit(() => refusal).submit,
        (error) => reported.push(error),
      );
      runners.push(started);
      await started.flush(true);
      expect(reported).to.deep.equal([refusal]);
      expect(started.isRefused('key-1')).to.equal(true);
      const fields = [
        { name: 'topic', type: 'select', label: 'Topic', options: ['billing'] },
        { name: 'plan', type: 'hidden', label: 'plan', value: 'pro' },
      ] as const;
      expect(started.takeRefused(fields)).to.deep.equal({
        name: 'Ana',
        email: 'ana@example.com',
        subject: 'Refund',
        message: 'Twice.',
        fields: { topic: 'billing' },
        error: englishTranslator().t('sendRejectedPermanent'),
      });
      expect(stored(), 'taken back').to.deep.equal([]);
    });

    it('gives a receipt to one panel only', async () => {
      const store = new OutboxStore(SCOPE);
      store.put({ key: 'key-1', tries: 0, next: 0, receipt: receipt(1) });
      const started = runner();
      expect(started.takeReceipt('other-key')).to.equal(undefined);
      expect(started.takeReceipt()).to.deep.equal(receipt(1));
      expect(started.takeReceipt()).to.equal(undefined);
    });

    it('at logout, forgets everything at once and tries what waited one last time', async () => {
      const store = new OutboxStore(SCOPE);
      store.put({ key: 'key-1', ticket, tries: 4, next: Date.now() + 60_000 });
      store.put({ key: 'key-2', tries: 0, next: 0, receipt: receipt(2) });
      const { calls, submit } = fakeSubmit(() => network());
      runner(fakeHost(), submit).discard();
      expect(stored()).to.deep.equal([]);
      await until(() => calls.length === 1, 'last attempt');
      expect(calls[0]?.key).to.equal('key-1');
      expect(stored(), 'a failed last attempt is not kept').to.deep.equal([]);
    });
  });
});
