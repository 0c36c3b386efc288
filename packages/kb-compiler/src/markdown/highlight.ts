/**
 * Code blocks highlighted at compile time: highlight.js turns code into `<span class="hljs-…">`
 * runs, static markup that needs no script in the browser and survives the sanitizer (only
 * `class` attributes). The widget colours the classes (article-content.styles.ts). Only a
 * fence's declared language is highlighted: guessing is slow and often wrong.
 */
import hljs from 'highlight.js/lib/common';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import nginx from 'highlight.js/lib/languages/nginx';
import powershell from 'highlight.js/lib/languages/powershell';
import { escapeHtml } from './context.js';

hljs.registerLanguage('dockerfile', dockerfile);
hljs.registerLanguage('nginx', nginx);
hljs.registerLanguage('powershell', powershell);
hljs.registerAliases(['mdx'], { languageName: 'markdown' });
hljs.registerAliases(['text', 'txt', 'none', 'output'], { languageName: 'plaintext' });
hljs.registerAliases(['sh-session', 'terminal'], { languageName: 'shell' });

/** Code larger than this is shown without colours (highlighting is linear, but not free). */
const MAX_HIGHLIGHTED = 100_000;

/** The `<pre>` for a fenced code block; `info` is the fence's info string (` ```ts title="x" `). */
export function renderCodeBlock(code: string, info: string | undefined): string {
  const language = /^[\w#+.-]+/.exec(info?.trim() ?? '')?.[0].toLowerCase();
  const known = language ? hljs.getLanguage(language) : undefined;
  if (language && known && code.length <= MAX_HIGHLIGHTED) {
    const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
    return `<pre><code class="hljs language-${escapeHtml(language)}">${html}\n</code></pre>\n`;
  }
  const className = language ? ` class="language-${escapeHtml(language)}"` : '';
  return `<pre><code${className}>${escapeHtml(code)}\n</code></pre>\n`;
}
