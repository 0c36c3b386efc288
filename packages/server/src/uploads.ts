/**
 * Attachments: `POST /v1/uploads` stores one file (multipart, part `file`) in the uploads
 * folder and answers its id; a ticket then lists ids in `attachments`. Separate uploads let
 * the widget show progress per file and keep the ticket itself small JSON. Unclaimed uploads
 * are removed after a day. Files are named by id only: a visitor's file name never touches
 * the file system.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UPLOAD_ID, UPLOAD_TYPE_NAMES } from '@porthole/tickets';
import type { Kysely } from 'kysely';
import { compileOnce } from './compile-once.js';
import type { Database } from './database.js';
import type { DeliveryAttachment } from './destinations/types.js';
import { apiError } from './errors.js';
import type { AttachmentSettings } from './options.js';
import { sniffType } from './sniff.js';

/** An upload no ticket claimed within this time is deleted. */
export const UNCLAIMED_UPLOAD_TTL_MS = 24 * 3_600_000;
/** How long a signed attachment link in a webhook stays valid. */
export const SIGNED_LINK_TTL_MS = 7 * 86_400_000;

/** The server's messages spell out "plain text" where the widget's short list says TXT. */
const TYPE_NAMES: Record<string, string> = { ...UPLOAD_TYPE_NAMES, 'text/plain': 'plain text' };

/** A name safe to show and to put in a Content-Disposition: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

function megabytes(bytes: number): string {
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(bytes / 1024 ** 2)} MB`;
}

export interface StoredUpload {
  id: string;
  name: string;
  size: number;
  type: string;
}

export function createUploads(
  db: Kysely<Database>,
  dir: string,
  limits: AttachmentSettings,
  linkSecret?: string,
) {
  const linkKey = linkSecret
    ? createHmac('sha256', linkSecret).update('porthole attachment links').digest()
    : undefined;
  const pathOf = (id: string) => join(dir, id);
  // Every delivery lists its ticket's attachments.
  const ofTicket = compileOnce((ticketId: string) =>
    db
      .selectFrom('attachments')
      .select(['id', 'name', 'type', 'size', 'sha256'])
      .where('ticket_id', '=', ticketId)
      .orderBy('position'),
  );

  function sign(id: string, expires: number): string {
    if (!linkKey) throw new Error('attachment links need a secret');
    return createHmac('sha256', linkKey).update(`${id}.${expires}`).digest('hex');
  }

  return {
    /** Check and store one file; throws the API error a visitor should see. */
    async store(file: File): Promise<StoredUpload> {
      const name = cleanFileName(file.name);
      if (limits.maxFiles === 0) {
        throw apiError(403, 'attachments_disabled', 'This help desk does not accept attachments.');
      }
      if (file.size > limits.maxFileBytes) {
        throw apiError(
          413,
          'file_too_large',
          `${name} is larger than ${megabytes(limits.maxFileBytes)}. Attach a smaller file.`,
        );
      }
      const content = new Uint8Array(await file.arrayBuffer());
      const type = sniffType(content);
      if (!type || !limits.types.includes(type)) {
        const allowed = limits.types.map((t) => TYPE_NAMES[t] ?? t).join(', ');
        throw apiError(
          415,
          'file_type_not_allowed',
          `${name} is not a file type this help desk accepts (${allowed}).`,
        );
      }
      const id = `up_${randomBytes(16).toString('hex')}`;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temporary = `${pathOf(id)}.part`;
      await writeFile(temporary, content, { mode: 0o600, flush: true });
      await rename(temporary, pathOf(id));
      await db
        .insertInto('attachments')
        .values({
          id,
          ticket_id: null,
          name,
          type,
          size: content.byteLength,
          sha256: createHash('sha256').update(content).digest('hex'),
          created_at: Date.now(),
        })
        .execute();
      return { id, name, size: content.byteLength, type };
    },

    read: (id: string) =>
      UPLOAD_ID.test(id) ? readFile(pathOf(id)) : Promise.reject(new Error('bad id')),

    /** The attachments of one ticket, in the order the visitor attached them. */
    async forTicket(
      ticketId: string,
      withLinks?: { publicUrl: string },
    ): Promise<DeliveryAttachment[]> {
      const { rows } = await db.executeQuery(ofTicket(ticketId));
      return rows.map((row) => {
        const attachment: DeliveryAttachment = { ...row, read: () => readFile(pathOf(row.id)) };
        if (withLinks && linkKey) {
          const expires = Math.floor((Date.now() + SIGNED_LINK_TTL_MS) / 1000);
          attachment.signedUrl = {
            url: `${withLinks.publicUrl}/v1/attachments/${row.id}?expires=${expires}&signature=${sign(row.id, expires)}`,
            expiresAt: new Date(expires * 1000).toISOString(),
          };
        }
        return attachment;
      });
    },

    /** Whether a signed link is genuine and not expired. */
    verifyLink(id: string, expires: string | undefined, signature: string | undefined): boolean {
      if (!linkKey || !UPLOAD_ID.test(id) || !expires || !/^\d{1,12}$/.test(expires) || !signature)
        return false;
      if (Number(expires) * 1000 < Date.now() || !/^[0-9a-f]{64}$/.test(signature)) return false;
      return timingSafeEqual(
        Buffer.from(sign(id, Number(expires)), 'hex'),
        Buffer.from(signature, 'hex'),
      );
    },

    async find(id: string, ticketId?: string) {
      if (!UPLOAD_ID.test(id)) return undefined;
      let query = db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', id)
        .where('ticket_id', 'is not', null);
      if (ticketId) query = query.where('ticket_id', '=', ticketId);
      return query.executeTakeFirst();
    },

    /** Delete uploads no ticket claimed in time (rows and files). */
    async purgeUnclaimed(now = Date.now()): Promise<number> {
      const stale = await db
        .deleteFrom('attachments')
        .where('ticket_id', 'is', null)
        .where('created_at', '<', now - UNCLAIMED_UPLOAD_TTL_MS)
        .returning('id')
        .execute();
      await Promise.all(stale.map((row) => rm(pathOf(row.id), { force: true })));
      return stale.length;
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
