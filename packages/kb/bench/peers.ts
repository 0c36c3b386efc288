/**
 * Peer engines for the bench, each configured the way its docs recommend for a site search
 * with typos: MiniSearch (prefix + fuzzy 0.2, title ×3, headings ×2) and FlexSearch 0.8
 * (document index, forward tokenizer, LatinBalance encoder, suggestions on; title hits first,
 * then headings, then text). Both keep the whole index in memory, so what a browser downloads
 * before the first result is the whole serialized index.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Charset, Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { CountingServer } from './serve.js';

export interface Page {
  id: string;
  title: string;
  headings: string[];
  body: string;
}

export interface Engine {
  name: string;
  buildMs: number;
  /** Gzip bytes of everything a browser must download before the first result. */
  firstBytes: number;
  indexBytes: number;
  search(query: string): Promise<string[]>;
}

export function buildMiniSearch(pages: readonly Page[]): Engine {
  const started = performance.now();
  const index = new MiniSearch<Page & { headingText: string }>({
    fields: ['title', 'headingText', 'body'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3, headingText: 2 } },
  });
  index.addAll(pages.map((p) => ({ ...p, headingText: p.headings.join(' \n ') })));
  const buildMs = performance.now() - started;
  const bytes = gzipSync(JSON.stringify(index), { level: 9 }).length;
  return {
    name: 'MiniSearch 7',
    buildMs,
    firstBytes: bytes,
    indexBytes: bytes,
    search: (query) => Promise.resolve(index.search(query).map((r) => String(r.id))),
  };
}

export async function buildFlexSearch(pages: readonly Page[]): Promise<Engine> {
  const started = performance.now();
  const index = new Document({
    document: { id: 'id', index: ['title', 'headings', 'body'] },
    tokenize: 'forward',
    encoder: Charset.LatinBalance,
  });
  for (const page of pages) {
    index.add({
      id: page.id,
      title: page.title,
      headings: page.headings.join(' \n '),
      body: page.body,
    });
  }
  const buildMs = performance.now() - started;
  let bytes = 0;
  await index.export((key: string, data: unknown) => {
    bytes += gzipSync(`${key}${typeof data === 'string' ? data : JSON.stringify(data)}`, {
      level: 9,
    }).length;
  });
  return {
    name: 'FlexSearch 0.8',
    buildMs,
    firstBytes: bytes,
    indexBytes: bytes,
    search: (query) => {
      const results = index.search(query, { limit: 10, suggest: true }) as {
        field: string;
        result: (string | number)[];
      }[];
      const order = ['title', 'headings', 'body'];
      const ids: string[] = [];
      for (const field of order) {
        for (const id of results.find((r) => r.field === field)?.result ?? []) {
          if (!ids.includes(String(id))) ids.push(String(id));
        }
      }
      return Promise.resolve(ids.slice(0, 10));
    },
  };
}

/**
 * Pagefind 1.x, built with its Node API (one custom record per page: title, headings and
 * text) and searched with its own browser script, run here in Node against the counting
 * server; its bytes include `pagefind.js`, the WebAssembly module, the metadata, the index
 * chunks and the fragments of the first five results (what its default UI loads).
 */
export async function buildPagefind(
  pages: readonly Page[],
  outDir: string,
  serve: (dir: string) => Promise<CountingServer>,
  firstQuery: string,
): Promise<Engine & { close(): Promise<void> }> {
  const pagefind = await import('pagefind');
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind: no index');
  for (const page of pages) {
    await index.addCustomRecord({
      url: `/${page.id}/`,
      content: [page.title, ...page.headings, page.body].join('\n'),
      language: 'en',
      meta: { title: page.title },
    });
  }
  await index.writeFiles({ outputPath: outDir });
  await pagefind.close();
  const buildMs = performance.now() - started;
  const server = await serve(outDir);
  const script = await readFile(join(outDir, 'pagefind.js'));
  const scriptBytes = gzipSync(script, { level: 6 }).length;
  // pagefind.js reads window.location; its base path is set explicitly below.
  (globalThis as { window?: unknown }).window = {
    location: { origin: server.url.replace(/\/$/, '') },
  };
  const api = (await import(pathToFileURL(join(outDir, 'pagefind.js')).href)) as PagefindApi;
  await api.options({ basePath: server.url });
  const load = async (query: string, shown: number) => {
    const found = await api.search(query);
    const data = await Promise.all(found.results.slice(0, shown).map((r) => r.data()));
    return data.map((d) => d.url.replace(/^\/|\/$/g, ''));
  };
  server.reset();
  await load(firstQuery, 5);
  const firstBytes = server.sent.bytes + scriptBytes;
  const indexBytes = (await listFiles(outDir)).reduce((sum, f) => sum + f.gzip, 0);
  return {
    name: 'Pagefind 1.6',
    buildMs,
    firstBytes,
    indexBytes,
    search: (query) => load(query, 10),
    close: () => server.close(),
  };
}

interface PagefindApi {
  options(options: { basePath: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

/** Files under `dir` with their gzip size (Pagefind's own `.pf_*` files are gzip already). */
export async function listFiles(dir: string): Promise<{ path: string; gzip: number }[]> {
  const out: { path: string; gzip: number }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    out.push({
      path,
      gzip: /\.pf_|\.pagefind$/.test(path) ? bytes.length : gzipSync(bytes, { level: 6 }).length,
    });
  }
  return out;
}
