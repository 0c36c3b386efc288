/**
 * What a file is, from its first bytes: the name and the browser's `Content-Type` are the
 * uploader's claims, and a `.png` that is really HTML must not reach an agent's browser as
 * an image. Only types with an unambiguous signature (or checkable text) are listed.
 */

interface Signature {
  type: string;
  /** Bytes at `offset`; `undefined` matches any byte. */
  bytes: readonly (number | undefined)[];
  offset?: number;
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { type: 'image/png', bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  {
    type: 'image/webp',
    bytes: [...ascii('RIFF'), undefined, undefined, undefined, undefined, ...ascii('WEBP')],
  },
  { type: 'application/pdf', bytes: ascii('%PDF-') },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/** Every type {@link sniffType} can recognise; the allow-list picks from these. */
export const SNIFFABLE_TYPES: readonly string[] = [
  ...new Set(SIGNATURES.map((s) => s.type)),
  'text/plain',
];

function matches(head: Uint8Array, { bytes, offset = 0 }: Signature): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((byte, i) => byte === undefined || head[offset + i] === byte);
}

/** Text: valid UTF-8 without NUL or other control characters but tab, CR, LF and FF. */
function isPlainText(content: Uint8Array): boolean {
  if (content.length === 0) return true;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- finding control characters is the point.
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The media type of `content`, or undefined when it is none of {@link SNIFFABLE_TYPES}. */
export function sniffType(content: Uint8Array): string | undefined {
  const signature = SIGNATURES.find((s) => matches(content, s));
  if (signature) return signature.type;
  return isPlainText(content) ? 'text/plain' : undefined;
}
