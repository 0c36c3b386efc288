/**
 * The preview page of `porthole dev`: every article by locale (a button opens it in the
 * widget), the current diagnostics, and a script that reloads the page when the knowledge base
 * is rebuilt and reopens the article that was open. Served with `default-src 'self'`, like a
 * strict host page: no inline script or style.
 */
import type { CompileResult } from '@porthole/kb-compiler';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function renderPreviewPage(result: CompileResult, contentDir: string): string {
  const locales = result.manifest.locales.map((entry) => {
    const items = entry.articles.map(
      (a) =>
        `<li><button type="button" data-slug="${escape(a.slug)}" data-locale="${escape(entry.locale)}">${escape(a.title)}</button> <code>${escape(a.slug)}</code></li>`,
    );
    return `<section><h2>${escape(entry.locale)} (${entry.articles.length})</h2><ul>${items.join('')}</ul></section>`;
  });
  const problems = result.diagnostics.map(
    (d) =>
      `<li class="${d.severity}">${escape(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.code}]`)}</li>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Porthole preview</title>
<link rel="stylesheet" href="/__porthole/preview.css">
<script src="/__porthole/preview.js" defer></script>
<script src="/porthole.js" data-kb="/kb/" async></script>
</head>
<body>
<main>
<h1>Porthole preview</h1>
<p>${result.articleCount} articles from <code>${escape(contentDir)}</code>. Saving a file reloads this page.</p>
${problems.length > 0 ? `<section><h2>Diagnostics (${problems.length})</h2><ul class="diagnostics">${problems.join('')}</ul></section>` : ''}
${locales.join('\n')}
</main>
</body>
</html>
`;
}

export const PREVIEW_CSS = `body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
button { font: inherit; cursor: pointer; }
li { margin: 0.2rem 0; }
.diagnostics { font-family: ui-monospace, monospace; font-size: 13px; }
.error { color: #b3261e; }
`;

/**
 * Opens articles from the list, reloads on `build` events from the server, and reopens the
 * article the visitor was reading (kept in sessionStorage across the reload).
 */
export const PREVIEW_SCRIPT = `(() => {
  window.Porthole = window.Porthole || function () { (window.Porthole.q = window.Porthole.q || []).push(arguments); };
  const KEY = 'porthole-preview-article';
  const open = (slug) => { sessionStorage.setItem(KEY, slug); window.Porthole('article', slug); };
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button[data-slug]');
    if (button) open(button.dataset.slug);
  });
  const reopen = sessionStorage.getItem(KEY);
  if (reopen) window.Porthole('article', reopen);
  window.addEventListener('porthole-close', () => sessionStorage.removeItem(KEY));
  const events = new EventSource('/__porthole/events');
  events.addEventListener('build', () => {
    events.close();
    location.reload();
  });
})();
`;
