import { UPLOAD_TYPE_NAMES, isTicketError } from '@porthole/tickets';
import type { TicketAdapter, UploadedAttachment } from '@porthole/tickets';
import type { AttachmentLimits } from '../core/options.js';
import { formatFileSize, formatList } from '../i18n/format-units.js';
import texts from '../i18n/locales/en-attachments.js';
import { addEnglishTexts } from '../i18n/translator.js';
import type { Translator } from '../i18n/translator.js';
import type { PanelHost } from './host.js';

// Shown only once this part has loaded, so they come with it (see i18n/english.ts).
addEnglishTexts(texts);

/**
 * The files of one draft and their uploads (`attachments` chunk: loaded when a visitor first
 * attaches something). Each file is uploaded the moment it is added; the ticket then lists
 * the ids. A file the limits or the server refuse stays in the list with the reason and is
 * not sent; nothing else is touched.
 */

/** One attached file. */
export interface AttachmentItem {
  readonly file: File;
  /** 0 to 1 while it uploads. */
  progress: number;
  /** The server's record, once it has stored the file. */
  uploaded?: UploadedAttachment;
  /** Why it will not be sent (shown beside it). */
  error?: string;
  /** Its upload failed for want of a network: it is tried again on `online`. */
  offline?: boolean;
}

/** The limits a form can check; the server's answer to each upload stays the truth. */
export interface KnownLimits extends AttachmentLimits {
  /** Media types the server accepts (found in the content, never from the name). */
  types?: readonly string[];
}

/** A size in the visitor's language: “10 MB”. */
export const fileSize = (bytes: number, { locale }: Translator): string =>
  formatFileSize(bytes, locale);

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

/** The server's limits (`GET /v1/uploads`), or none when it does not say. */
export async function fetchLimits(url: string | undefined): Promise<KnownLimits> {
  if (!url) return {};
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) return {};
    const body = (await response.json()) as Record<string, unknown>;
    const limits: KnownLimits = {};
    for (const key of ['maxFiles', 'maxFileBytes', 'maxTotalBytes'] as const) {
      const value = count(body[key]);
      if (value !== undefined) limits[key] = value;
    }
    if (Array.isArray(body.types)) {
      limits.types = body.types.filter((type): type is string => typeof type === 'string');
    }
    return limits;
  } catch {
    // Offline, or not a Porthole server: the answers to the uploads will say.
    return {};
  }
}

/** The stricter of the page's and the server's limits, each on its own. */
function strictest(page: AttachmentLimits, server: KnownLimits): KnownLimits {
  const limits: KnownLimits = { ...server };
  for (const key of ['maxFiles', 'maxFileBytes', 'maxTotalBytes'] as const) {
    const mine = count(page[key]);
    if (mine !== undefined) limits[key] = Math.min(mine, server[key] ?? Infinity);
  }
  return limits;
}

export class AttachmentList {
  items: AttachmentItem[] = [];
  /** Bumped on every change: the list stays the same object, its view re-renders on this. */
  version = 0;

  readonly #host: PanelHost;
  readonly #adapter: () => Promise<TicketAdapter | undefined>;
  readonly #limits: Promise<KnownLimits>;
  #known: KnownLimits = {};
  readonly #uploads = new Map<AttachmentItem, { abort: AbortController; done: Promise<void> }>();
  readonly #adding = new Set<Promise<void>>();

  /**
   * For the panel `host` (its endpoint or adapter, its `attachments` option, its text);
   * `adapter` gives the adapter that uploads (the ticket code may still be loading).
   */
  constructor(host: PanelHost, adapter: () => Promise<TicketAdapter | undefined>) {
    this.#host = host;
    this.#adapter = adapter;
    const { attachments, endpoint } = host;
    // Where the http adapter uploads (`…/tickets` → `…/uploads`) also tells the limits; a
    // custom adapter's limits are only the page's.
    const limitsUrl = host.adapter
      ? undefined
      : new URL(endpoint, document.baseURI).href.replace(/tickets\/?$/, 'uploads');
    this.#limits = fetchLimits(limitsUrl).then((server) => {
      this.#known = strictest(typeof attachments === 'object' ? attachments : {}, server);
      return this.#known;
    });
    addEventListener('online', this.#retryOffline);
  }

  /** Add files (picked, dropped or pasted): each is checked, then uploaded at once. */
  add(files: readonly File[]): Promise<void> {
    const adding = this.#limits.then((limits) => {
      for (const file of files) {
        const item: AttachmentItem = { file, progress: 0 };
        const refusal = this.#check(file, limits);
        if (refusal) item.error = refusal;
        this.items.push(item);
        if (!refusal) this.#upload(item);
      }
      this.#changed();
    });
    this.#adding.add(adding);
    void adding.finally(() => this.#adding.delete(adding));
    return adding;
  }

  remove(item: AttachmentItem): void {
    this.#uploads.get(item)?.abort.abort();
    this.items = this.items.filter((other) => other !== item);
    this.#changed();
  }

  clear(): void {
    for (const { abort } of this.#uploads.values()) abort.abort();
    this.items = [];
    this.#changed();
  }

  /** Resolves when no file is still being added or uploaded. */
  async settled(): Promise<void> {
    await Promise.all(this.#adding);
    await Promise.all([...this.#uploads.values()].map(({ done }) => done));
  }

  /** The ids of the stored files, in the order they were attached. */
  ids(): string[] {
    return this.items.flatMap((item) => (item.uploaded && !item.error ? [item.uploaded.id] : []));
  }

  /** Why a file cannot go, before uploading it; undefined when it may. */
  #check(file: File, limits: KnownLimits): string | undefined {
    const i18n = this.#host.i18n;
    const { t } = i18n;
    const name = file.name;
    const accepted = this.items.filter((item) => !item.error);
    const total = accepted.reduce((sum, item) => sum + item.file.size, file.size);
    const { maxFiles, maxFileBytes, maxTotalBytes } = limits;
    if (file.size === 0) return t('attachmentEmpty', { name });
    // 0 means the server takes no files at all: its own answer says so better.
    if (maxFiles && accepted.length >= maxFiles) return t('attachmentTooMany', { count: maxFiles });
    if (maxFileBytes !== undefined && file.size > maxFileBytes) {
      return t('attachmentTooLarge', { name, size: fileSize(maxFileBytes, i18n) });
    }
    if (maxTotalBytes !== undefined && total > maxTotalBytes) {
      return t('attachmentsTotalTooLarge', { size: fileSize(maxTotalBytes, i18n) });
    }
    return undefined;
  }

  #upload(item: AttachmentItem): void {
    const abort = new AbortController();
    item.progress = 0;
    delete item.error;
    item.offline = false;
    const done = this.#adapter()
      .then((adapter) => {
        if (!adapter?.upload) throw new Error('This help desk does not take attachments.');
        return adapter.upload(item.file, {
          signal: abort.signal,
          onProgress: (loaded, total) => {
            const progress = total > 0 ? loaded / total : 0;
            // A render per whole percent is plenty, whatever the browser reports.
            if (progress - item.progress >= 0.01) {
              item.progress = progress;
              this.#changed();
            }
          },
        });
      })
      .then(
        (uploaded) => {
          item.uploaded = uploaded;
          item.progress = 1;
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          item.error = this.#explain(item.file, error);
          item.offline = isTicketError(error) && error.code === 'network';
        },
      )
      .finally(() => {
        this.#uploads.delete(item);
        this.#changed();
      });
    this.#uploads.set(item, { abort, done });
  }

  /** The server's refusal in the visitor's words and language. */
  #explain(file: File, error: unknown): string {
    const i18n = this.#host.i18n;
    const { t } = i18n;
    const name = file.name;
    const status = isTicketError(error) ? error.status : undefined;
    const { maxFileBytes, types } = this.#known;
    if (status === 413 && maxFileBytes !== undefined) {
      return t('attachmentTooLarge', { name, size: fileSize(maxFileBytes, i18n) });
    }
    if (status === 415) {
      const refused = t('attachmentTypeNotAllowed', { name });
      if (!types?.length) return refused;
      const names = formatList(
        types.map((type) => UPLOAD_TYPE_NAMES[type] ?? type),
        i18n.locale,
      );
      return `${refused} ${t('attachmentAllowedTypes', { types: names })}`;
    }
    return error instanceof Error ? error.message : String(error);
  }

  #retryOffline = (): void => {
    for (const item of this.items) if (item.offline) this.#upload(item);
    this.#changed();
  };

  #changed(): void {
    this.version += 1;
    this.#host.requestUpdate();
  }
}
