/**
 * Obsidian links: `[[Note]]`, `[[Note|label]]`, `[[Note#Heading]]`, `[[#Heading]]`, and
 * inline embeds `![[image.png]]`, `![[image.png|300]]`. The target is a file name, resolved
 * against the whole knowledge base later (like any link, see links.ts); here it becomes an
 * ordinary `<a>` or `<img>` carrying a mark. Notes embedded on a line of their own are
 * included instead (includes.ts).
 */
import type { MarkedExtension, RendererExtension, TokenizerExtension } from 'marked';
import { activeContext, escapeHtml } from './context.js';

const WIKILINK = /^(!?)\[\[([^[\]\n|]+?)(?:\|([^[\]\n]*))?\]\]/;
const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|bmp|svg)$/i;

const wikilink: TokenizerExtension & RendererExtension = {
  name: 'wikilink',
  level: 'inline',
  start(src) {
    const index = src.indexOf('[[');
    if (index === -1) return undefined;
    return index > 0 && src[index - 1] === '!' ? index - 1 : index;
  },
  tokenizer(src) {
    const match = WIKILINK.exec(src);
    if (!match?.[2]) return undefined;
    return {
      type: 'wikilink',
      raw: match[0],
      embed: match[1] === '!',
      target: match[2].trim(),
      label: match[3]?.trim(),
    };
  },
  renderer(token) {
    const context = activeContext();
    const target = String(token.target);
    const label = typeof token.label === 'string' && token.label ? token.label : undefined;
    const [file = '', fragment] = target.split('#');
    const reference = {
      raw: target,
      wikilink: true,
      at: context.offsetOf(token),
      from: context.includeStack.at(-1),
    };
    if (token.embed && IMAGE.test(file.trim())) {
      // `![[photo.png|300]]` sets a width in Obsidian; only a non-numeric label is alt text.
      const alt = label && !/^\d+(?:x\d+)?$/.test(label) ? label : file.replace(/\.[^.]+$/, '');
      const mark = context.mark({ type: 'ref', reference: { ...reference, kind: 'embed' } });
      return `<img src="${escapeHtml(encodeURI(file.trim()))}" alt="${escapeHtml(alt)}"${mark}>`;
    }
    // Obsidian shows `Note > Heading` for a link to a heading without a label.
    const text =
      label ?? (fragment ? `${file ? `${file} › ` : ''}${fragment.replace(/^\^/, '')}` : file);
    const mark = context.mark({ type: 'ref', reference: { ...reference, kind: 'link' } });
    return `<a href="${escapeHtml(encodeURI(target))}"${mark}>${escapeHtml(text)}</a>`;
  },
};

export const wikilinkExtension: MarkedExtension = { extensions: [wikilink] };
