/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { TicketError, parseTicket } from '@porthole/tickets';
import type { TicketAdapter, UploadOptions, UploadedAttachment } from '@porthole/tickets';
import {
  createCountingAdapter,
  createTestKnowledgeBase,
  expectSame,
  spyOn,
  until,
} from '../../../test/fixtures.js';
import {
  buttonNamed,
  controlLabelled,
  fillContactForm,
  formOf,
  restoreOnline,
  setOnline,
  textOf,
  viewOf,
} from '../../../test/widget-helpers.js';
import { AttachmentList } from '../../chunks/attachments.js';
import type { AttachmentLimits } from '../../core/options.js';
import { englishTranslator } from '../../i18n/translator.js';
import type { PanelHost } from '../../controllers/host.js';
import '../contact-form/contact-form.js';
import type { PortholeContactForm } from '../contact-form/contact-form.js';
import '../widget/widget.js';
import type { PortholeWidget } from '../widget/widget.js';
import type { PortholeAttachments } from './attachments.js';

/** Uploads the test answers itself: resolve, fail, or report progress, one by one. */
interface PendingUpload {
  file: Blob;
  options: UploadOptions;
  resolve(answer: UploadedAttachment): void;
  reject(error: unknown): void;
}

function fakeUploads() {
  const pending: PendingUpload[] = [];
  const upload = (file: Blob, options: UploadOptions = {}) =>
    new Promise<UploadedAttachment>((resolve, reject) =>
      pending.push({ file, options, resolve, reject }),
    );
  return { pending, upload };
}

const stored = (file: File, n: number): UploadedAttachment => ({
  id: `up_${String(n).repeat(32)}`,
  name: file.name,
  size: file.size,
  type: 'text/plain',
});

const file = (name: string, size: number, type = 'text/plain') =>
  new File([new Uint8Array(size).fill(97)], name, { type });

/** The server's `GET /v1/uploads`, answered without a server. */
function serveLimits(limits: object): () => void {
  const original = window.fetch;
  window.fetch = async (input) =>
    String(input).endsWith('/v1/uploads') ? Response.json(limits) : original(input);
  return () => (window.fetch = original);
}

/** An attachments element over a list, as the panel shows it. */
async function attachments(
  adapter: Partial<TicketAdapter>,
  options: { endpoint?: string; limits?: AttachmentLimits } = {},
) {
  const el = await fixture<PortholeAttachments>(
    html`<porthole-attachments></porthole-attachments>`,
  );
  const host = {
    endpoint: options.endpoint ?? '',
    adapter: options.endpoint ? undefined : adapter,
    attachments: options.limits ?? true,
    i18n: englishTranslator(),
    requestUpdate: () => {
      el.version = list.version;
    },
  } as unknown as PanelHost;
  const list = new AttachmentList(host, async () => adapter as TicketAdapter);
  el.list = list;
  return { el, list };
}

const rowsOf = (el: PortholeAttachments) =>
  [...(el.shadowRoot?.querySelectorAll('[part=file]') ?? [])].map((row) =>
    row.textContent?.replace(/\s+/g, ' ').trim(),
  );

describe('attachments', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('lists each file with its name and size and uploads it at once, showing progress', async () => {
    const { pending, upload } = fakeUploads();
    const { el, list } = await attachments({ upload });
    const files = [file('invoice.txt', 1_200), file('screen.txt', 15)];
    await list.add(files);
    await el.updateComplete;
    expect(pending.map((p) => p.file)).to.deep.equal(files);
    expect(rowsOf(el)).to.deep.equal([
      'invoice.txt 1.2 kB Uploading… 0%',
      'screen.txt 15 bytes Uploading… 0%',
    ]);
    pending[0]?.options.onProgress?.(600, 1_200);
    await el.updateComplete;
    const bar = el.shadowRoot?.querySelector('progress');
    expect(bar?.getAttribute('aria-label')).to.equal('Uploading invoice.txt');
    expect(bar?.value).to.equal(50);
    expect(rowsOf(el)[0]).to.equal('invoice.txt 1.2 kB Uploading… 50%');
    await expect(el).to.be.accessible();

    pending.forEach((p, n) => p.resolve(stored(files[n] as File, n + 1)));
    await list.settled();
    await el.updateComplete;
    expect(rowsOf(el)).to.deep.equal(['invoice.txt 1.2 kB', 'screen.txt 15 bytes']);
    expect(list.ids()).to.deep.equal([`up_${'1'.repeat(32)}`, `up_${'2'.repeat(32)}`]);
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).to.equal('2 files attached');
    expect(el.shadowRoot?.querySelector('ul')?.getAttribute('aria-label')).to.equal(
      'Attached files',
    );
    await expect(el).to.be.accessible();
  });

  it('shows why the server refused a file beside it, and loses nothing else', async () => {
    const restore = serveLimits({ types: ['image/png', 'application/pdf', 'text/plain'] });
    try {
      const { pending, upload } = fakeUploads();
      const { el, list } = await attachments(
        { upload },
        { endpoint: 'https://help.example/v1/tickets' },
      );
      const good = file('notes.txt', 10);
      await list.add([file('setup.exe', 20, 'application/x-msdownload'), good]);
      pending[0]?.reject(
        new TicketError('rejected', 'setup.exe is not a file type this help desk accepts.', {
          status: 415,
        }),
      );
      pending[1]?.resolve(stored(good, 7));
      await list.settled();
      await el.updateComplete;
      const refusal =
        '“setup.exe” can’t be attached: this type of file isn’t allowed. Allowed file types: PNG, PDF, and TXT';
      expect(rowsOf(el)).to.deep.equal([`setup.exe 20 bytes ${refusal}`, 'notes.txt 10 bytes']);
      expect(el.shadowRoot?.querySelector('[role=alert]')?.textContent?.trim()).to.equal(refusal);
      expect(list.ids(), 'only the good file goes').to.deep.equal([`up_${'7'.repeat(32)}`]);
      expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).to.equal(
        '1 file attached',
      );
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('refuses, before uploading, a file over the limits the server and the page set', async () => {
    // The server allows 3 files of 1 kB, 2 kB together; the page, 1.5 kB together.
    const restore = serveLimits({ maxFiles: 3, maxFileBytes: 1_000, maxTotalBytes: 2_000 });
    try {
      const { pending, upload } = fakeUploads();
      const { el, list } = await attachments(
        { upload },
        { endpoint: 'https://help.example/v1/tickets', limits: { maxTotalBytes: 1_500 } },
      );
      await list.add([
        file('big.txt', 1_001),
        file('empty.txt', 0),
        file('a.txt', 900),
        file('b.txt', 700),
        file('c.txt', 500),
        file('d.txt', 10),
        file('e.txt', 10),
      ]);
      await el.updateComplete;
      const errors = [...(el.shadowRoot?.querySelectorAll('[part=file-error]') ?? [])].map(
        (error) => error.textContent,
      );
      expect(errors).to.deep.equal([
        '“big.txt” is too large. Each file can be up to 1 kB.',
        '“empty.txt” is empty.',
        'These files are too large together. The total can be up to 1.5 kB.',
        'You can attach up to 3 files.',
      ]);
      expect(pending.map((p) => (p.file as File).name)).to.deep.equal(['a.txt', 'c.txt', 'd.txt']);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('lets Send wait for uploads under way', async () => {
    const { pending, upload } = fakeUploads();
    const { list } = await attachments({ upload });
    const one = file('one.txt', 5);
    await list.add([one]);
    const settled = list.settled().then(() => 'settled');
    // Whatever is ready now wins the race: the upload is still under way.
    expect(await Promise.race([settled, Promise.resolve('waiting')])).to.equal('waiting');
    pending[0]?.resolve(stored(one, 3));
    expect(await settled).to.equal('settled');
    expect(list.ids()).to.deep.equal([`up_${'3'.repeat(32)}`]);
  });

  it('removes a file (stopping its upload) and moves focus to the next one, then to Attach files', async () => {
    const { pending, upload } = fakeUploads();
    const { el, list } = await attachments({ upload });
    await list.add([file('a.txt', 5), file('b.txt', 5)]);
    await el.updateComplete;
    buttonNamed(el, 'Remove a.txt')?.click();
    await el.updateComplete;
    expect(pending[0]?.options.signal?.aborted).to.equal(true);
    expect(rowsOf(el)).to.deep.equal(['b.txt 5 bytes Uploading… 0%']);
    expectSame(el.shadowRoot?.activeElement, buttonNamed(el, 'Remove b.txt'));
    const back = spyOn(el, 'ph-focus-attach');
    buttonNamed(el, 'Remove b.txt')?.click();
    await until(() => back.count === 1, 'focus handed back');
    expect(list.items).to.deep.equal([]);
  });

  it('uploads again, once back online, a file that failed for want of a network', async () => {
    const { pending, upload } = fakeUploads();
    const { el, list } = await attachments({ upload });
    const one = file('one.txt', 5);
    await list.add([one]);
    pending[0]?.reject(new TicketError('network', 'Could not reach the help desk.'));
    await list.settled();
    await el.updateComplete;
    expect(rowsOf(el)[0]).to.contain('Could not reach the help desk.');
    try {
      setOnline(true);
      await until(() => pending.length === 2, 'uploaded again');
      pending[1]?.resolve(stored(one, 4));
      await list.settled();
      expect(list.ids()).to.deep.equal([`up_${'4'.repeat(32)}`]);
    } finally {
      restoreOnline();
    }
  });

  describe('on the contact form', () => {
    async function contactForm() {
      return fixture<PortholeContactForm>(
        html`<porthole-contact-form
          can-attach
          .parseTicket=${parseTicket}
        ></porthole-contact-form>`,
      );
    }

    it('is a file input named "Attach files"; picking, dropping and pasting files report them', async () => {
      const el = await contactForm();
      const input = controlLabelled(el, 'Attach files');
      expect(input.type).to.equal('file');
      expect(input.multiple).to.equal(true);
      const reported = spyOn<CustomEvent<File[]>>(el, 'ph-files');
      const picked = new DataTransfer();
      picked.items.add(file('picked.txt', 3));
      input.files = picked.files;
      input.dispatchEvent(new Event('change'));
      const formElement = el.shadowRoot?.querySelector('form') as HTMLFormElement;
      const dropped = new DataTransfer();
      dropped.items.add(file('dropped.png', 3, 'image/png'));
      formElement.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, cancelable: true }));
      const pasted = new DataTransfer();
      pasted.items.add(file('image.png', 3, 'image/png'));
      const paste = new ClipboardEvent('paste', { clipboardData: pasted, cancelable: true });
      formElement.dispatchEvent(paste);
      expect(paste.defaultPrevented, 'the file is not pasted as text').to.equal(true);
      const text = new DataTransfer();
      text.setData('text/plain', 'just words');
      formElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: text }));
      expect(reported.events.map((event) => event.detail.map((f) => f.name))).to.deep.equal([
        ['picked.txt'],
        ['dropped.png'],
        ['image.png'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('is not offered when attachments are switched off', async () => {
      const el = await fixture<PortholeContactForm>(
        html`<porthole-contact-form .parseTicket=${parseTicket}></porthole-contact-form>`,
      );
      expect(el.shadowRoot?.querySelector('input[type=file]')).to.equal(null);
    });
  });

  describe('in the widget', () => {
    afterEach(() => {
      sessionStorage.clear();
      localStorage.clear();
    });

    it('loads their code on the first file, and sends the ticket with the files once uploaded', async () => {
      const adapter = createCountingAdapter();
      const { pending, upload } = fakeUploads();
      Object.assign(adapter, { upload });
      const el = await fixture<PortholeWidget>(
        html`<porthole-widget
          .knowledgeBase=${createTestKnowledgeBase()}
          .adapter=${adapter}
        ></porthole-widget>`,
      );
      el.contact();
      await el.updateComplete;
      const form = formOf(el) as PortholeContactForm;
      await fillContactForm(form);
      const transfer = new DataTransfer();
      const shot = file('shot.png', 8, 'image/png');
      transfer.items.add(shot);
      const input = controlLabelled(form, 'Attach files');
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await until(() => pending.length === 1, 'uploading');
      buttonNamed(form, 'Send')?.click();
      await el.updateComplete;
      expect(adapter.calls, 'Send waits for the upload').to.have.length(0);
      await expect(el).to.be.accessible();
      pending[0]?.resolve(stored(shot, 9));
      await until(() => viewOf(el, 'porthole-confirmation'), 'sent');
      expect(adapter.calls[0]?.ticket.attachments).to.deep.equal([`up_${'9'.repeat(32)}`]);
      expect(textOf(viewOf(el, 'porthole-confirmation'))).to.contain('Message sent');
    });
  });
});
