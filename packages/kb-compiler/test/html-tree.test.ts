/**
 * The fast path of rendering (html-tree.ts): markup the renderer wrote itself is read without
 * jsdom or DOMPurify. Its two claims are checked here against the real thing: the tree it
 * builds is the one jsdom's HTML parser builds (and serializes the same), and every element
 * and attribute it lets through is one DOMPurify with the compiler's configuration keeps as it
 * is. Then whole articles — fixtures, the help center, a sample of the 9,739-page corpus and
 * every XSS vector — must render identically on both paths.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { parseFrontMatter } from '../src/front-matter.js';
import { parseStrictHtml, STRICT_TAGS } from '../src/html-tree.js';
import { createArticleRenderer, type RenderedArticle, type RenderJob } from '../src/render.js';
import { FIRST_PASS, keepOwnAttribute } from '../src/sanitize.js';
import { readScaleCorpus, SCALE_CORPUS, scalePagePath, toMarkdown } from '../bench/scale-corpus.js';

const NONCE = 'm0test';
const allow = (tag: string, name: string, value: string) =>
  keepOwnAttribute(tag, name, value, NONCE);

function jsdomBody(html: string): HTMLElement {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;
}

/** What DOMPurify with the compiler's first-pass configuration makes of `html`. */
function purify(html: string): string {
  const purifier = createDOMPurify(new JSDOM('<!doctype html><body></body>').window);
  purifier.setConfig(FIRST_PASS);
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'data-porthole-mark') data.forceKeepAttr = true;
  });
  return (purifier.sanitize(html) as unknown as HTMLElement).innerHTML;
}

/** Markup as marked and the dialect extensions write it, every strict tag and attribute. */
const OWN_MARKUP = [
  '<h2 data-porthole-mark="m0test:0">Install &amp; <code>run</code></h2>\n',
  '<p>Text with <em>em</em>, <strong>strong</strong>, <del>del</del>, <s>s</s>, <b>b</b>, <i>i</i>, <u>u</u>, ',
  '<mark>mark</mark>, <kbd>Ctrl</kbd>, <sub>2</sub>, <sup>3</sup>, <span class="x">span</span>,<br>',
  '<a href="../b.md#x" title="A &quot;title&quot;">link</a> and <a href="https://example.com/?a=1&amp;b=2">ext</a>, ',
  '<a href="mailto:help@example.com">mail</a>, <a href="?q=1&copy=2">query</a>, <a href="#top">top</a>, ',
  '<img src="img/a%20b.png" alt="A &amp; B" title="t"> &copy; &#x80; &noti; &nbsp;x &gt; &#39;</p>\n',
  '<pre><code class="hljs language-ts"><span class="hljs-keyword">const</span> a = 1;\n</code></pre>\n',
  '<ol start="3">\n<li>one</li>\n<li><p>two</p>\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ol>\n',
  '<blockquote>\n<p>quote</p>\n</blockquote>\n<hr>\n',
  '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="center">b</th>\n</tr>\n</thead>\n',
  '<tbody><tr>\n<td align="right">1</td>\n<td><code>2</code></td>\n</tr>\n</tbody></table>\n',
  '<div class="porthole-callout porthole-callout-note" role="note"><p class="porthole-callout-title">Note</p>\n<p>x</p>\n</div>\n',
  '<details class="porthole-tab" open=""><summary>Tab</summary>\n<p>x</p>\n</details>\n',
  '<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>\n',
  '<section><h4>h4</h4><h5>h5</h5><h6>h6</h6><h1>h1</h1><h3>h3</h3></section>\n',
  '<p>See<sup class="porthole-footnote-ref"><a href="#porthole-fn-1" id="porthole-fnref-1">1</a></sup></p>\n',
  '<div class="porthole-footnotes">\n<hr>\n<ol>\n<li id="porthole-fn-1"><p>Note <a href="#porthole-fnref-1" class="porthole-footnote-back" aria-label="Back to reference 1">↩</a></p></li>\n</ol>\n</div>\n',
].join('');

describe('html-tree', () => {
  test('builds the tree jsdom builds and serializes it the same, entities and all', () => {
    const tree = parseStrictHtml(OWN_MARKUP, allow);
    assert.ok(tree, 'the markup is in the strict subset');
    assert.equal(tree.innerHTML, jsdomBody(OWN_MARKUP).innerHTML);
    assert.deepEqual(
      STRICT_TAGS.filter((tag) => !OWN_MARKUP.includes(`<${tag}`)),
      [],
      'the sample uses every tag',
    );
  });

  test('every element and attribute it accepts is one DOMPurify keeps unchanged', () => {
    const serialized = jsdomBody(OWN_MARKUP).innerHTML;
    assert.equal(purify(serialized), serialized);
  });

  test('refuses what the HTML parser would build differently, or what it does not know', () => {
    const refused = [
      '<p>a<p>b</p></p>',
      '<p><div>block in a paragraph</div></p>',
      '<p><em><ul><li>x</li></ul></em></p>',
      '<a href="a"><a href="b">x</a></a>',
      '<li>outside a list</li>',
      '<ul>text in a list</ul>',
      '<table><tr><td>no tbody</td></tr></table>',
      '<table>text<tbody></tbody></table>',
      '<pre>\nleading newline</pre>',
      '<P>upper case</P>',
      "<a href='single'>x</a>",
      '<a href=unquoted>x</a>',
      '<a href="a" href="b">x</a>',
      '<p>unclosed',
      '<p>x</em></p>',
      '<br></br>',
      '<p/>',
      '<!-- comment -->',
      '<p>a < b</p>',
      '<p>cr\r</p>',
      '<p>nul\0</p>',
      '<script>x</script>',
      '<summary>outside details</summary>',
      '<constructor></constructor>',
      '<p style="color:red">x</p>',
      '<img src="x" onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="java&#x09;script:alert(1)">x</a>',
      '<a href=" &#x6A;avascript:alert(1)">x</a>',
      '<a href="data:text/html,x">x</a>',
      '<img src="data:image/png;base64,AAAA">',
      '<a href="vbscript:x">x</a>',
      '<a href="a" title="--&gt;">x</a>',
      '<a href="a" id="cookie">x</a>',
      '<p data-porthole-mark="other:0">forged mark</p>',
      '<p data-x="1">data attribute</p>',
      '<ol start="x"><li>a</li></ol>',
    ];
    for (const html of refused) assert.equal(parseStrictHtml(html, allow), undefined, html);
  });

  test('a URL it accepts is one DOMPurify accepts, checked on every URL of the XSS vectors', () => {
    const vectors = readVectors();
    const urls = vectors.flatMap((v) =>
      [...v.input.matchAll(/(?:href|src)\s*=\s*["']?([^"'\s>]*)|\]\(([^)\s]*)/gi)].map(
        (m) => m[1] ?? m[2] ?? '',
      ),
    );
    urls.push('a:b', 'ab1:c', 'a/b:c', '?x:y', '#x:y', 'HTTPS://x', 'tel:1', ' x ', '');
    const purifier = createDOMPurify(new JSDOM('<!doctype html><body></body>').window);
    purifier.setConfig(FIRST_PASS);
    let accepted = 0;
    for (const url of urls) {
      const kept = keepOwnAttribute('a', 'href', url, NONCE);
      if (kept === undefined) continue;
      accepted++;
      assert.ok(purifier.isValidAttribute('a', 'href', kept), url);
    }
    assert.ok(accepted > 10, `${accepted} of ${urls.length} accepted`);
  });
});

describe('rendering with and without jsdom', () => {
  const renderBoth = (jobs: readonly RenderJob[]) => {
    const fast = createArticleRenderer();
    const reference = createArticleRenderer({ alwaysSanitize: true });
    let viaTree = 0;
    for (const job of jobs) {
      const a = fast.render(job);
      const b = reference.render(job);
      if (a.sanitizedBy === 'html-tree') viaTree++;
      assert.deepEqual(comparable(a), comparable(b), job.path);
    }
    return viaTree;
  };

  test('fixtures and XSS vectors render the same on both paths', () => {
    const jobs = [
      ...readFolder(resolve(import.meta.dirname, 'fixtures')),
      ...readVectors()
        .filter((v) => v.context === 'markdown')
        .map((v) => toJob(`${v.id}.md`, `---\ntitle: V\n---\n\n${v.input}\n`)),
    ];
    const viaTree = renderBoth(jobs);
    assert.ok(viaTree >= 40, `${viaTree} of ${jobs.length} without jsdom`);
  });

  const helpcenter = resolve(import.meta.dirname, '../../../../shared/corpora/helpcenter-md');
  test(
    'the help center renders the same on both paths, every article without jsdom',
    { skip: !existsSync(helpcenter) && !process.env.CI && `${helpcenter} not found` },
    () => {
      const jobs = readFolder(helpcenter);
      assert.equal(jobs.length, 173);
      assert.equal(renderBoth(jobs), 173);
    },
  );

  test(
    'a sample of the 9,739-page corpus renders the same on both paths, nearly all without jsdom',
    { skip: !existsSync(SCALE_CORPUS) && !process.env.CI && `${SCALE_CORPUS} not found` },
    () => {
      const pages = readScaleCorpus().filter((_, i) => i % 100 === 0);
      const jobs = pages.map((page) => toJob(scalePagePath(page), toMarkdown(page)));
      // A few headings hold raw `<T>` (C++ templates): those need the sanitizer.
      const viaTree = renderBoth(jobs);
      assert.ok(viaTree >= jobs.length * 0.95, `${viaTree} of ${jobs.length} without jsdom`);
    },
  );
});

/** A rendered article without what differs by design: the nonce and the path taken. */
function comparable(article: RenderedArticle): unknown {
  const { refKey, ...rest } = article;
  return {
    ...rest,
    sanitizedBy: 'either',
    html: refKey ? rest.html.split(`${refKey}:`).join('ref:') : rest.html,
  };
}

function toJob(path: string, text: string): RenderJob {
  const { bodyOffset, data } = parseFrontMatter(text);
  return { path, text, bodyOffset, title: data?.title };
}

function readFolder(dir: string): RenderJob[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => /\.mdx?$/.test(path))
    .sort()
    .map((path) => toJob(path, readFileSync(join(dir, path), 'utf8').replace(/\r\n?/g, '\n')));
}

interface Vector {
  id: string;
  input: string;
  context: string;
}

function readVectors(): Vector[] {
  const file = resolve(import.meta.dirname, '../../../../shared/security/xss-vectors.json');
  if (!existsSync(file) && !process.env.CI) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as Vector[];
}
