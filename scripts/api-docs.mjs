#!/usr/bin/env node
// The docs' tables of the widget's attributes, events, parts and custom properties, built from
// its Custom Elements Manifest (packages/widget/custom-elements.json, written by
// `npm run build` from the elements' class comments), so they cannot drift from the code.
//
//   node scripts/api-docs.mjs          rewrite the tables in docs/
//   node scripts/api-docs.mjs --check  exit 1 if a table in docs/ is not what the code says
//
// A table lives between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in a doc.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestFile = `${root}packages/widget/custom-elements.json`;

/** The views inside the panel, whose parts `porthole-widget` exports as `<view>__<part>`. */
const VIEWS = ['search', 'article', 'contact-form', 'confirmation'];

function readElements() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (error) {
    throw new Error(`${manifestFile} is missing or broken: run \`npm run build\` first.`, {
      cause: error,
    });
  }
  const elements = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) {
        elements.set(declaration.tagName, declaration);
      }
    }
  }
  return elements;
}

/** One line, pipes escaped: the text of a table cell. */
const cell = (text = '') => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => `\`${text}\``;

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** Public, non-static fields of an element: its properties. */
const publicFields = (element) =>
  (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      member.privacy !== 'private' &&
      !member.name.startsWith('#'),
  );

function generate(elements) {
  const widget = elements.get('porthole-widget');
  if (!widget) throw new Error('porthole-widget is not in the manifest.');
  const parts = [...(widget.cssParts ?? []).map((part) => [code(part.name), part.description])];
  for (const view of VIEWS) {
    const element = elements.get(`porthole-${view}`);
    if (!element) throw new Error(`porthole-${view} is not in the manifest.`);
    for (const part of element.cssParts ?? []) {
      parts.push([code(`${view}__${part.name}`), part.description]);
    }
  }
  // Sorted: the analyzer lists modules in the file system's directory order, which differs
  // between machines.
  const others = [...elements.values()]
    .filter(
      (element) => element.tagName !== 'porthole-widget' && element.tagName !== 'porthole-panel',
    )
    .sort((a, b) => a.tagName.localeCompare(b.tagName, 'en'));
  return {
    'widget-attributes': table(
      ['attribute', 'default', 'meaning'],
      (widget.attributes ?? []).map((attribute) => [
        code(attribute.name),
        attribute.default ? code(attribute.default) : '—',
        attribute.description,
      ]),
    ),
    'widget-events': table(
      ['event', 'when, and its `detail`'],
      (widget.events ?? []).map((event) => [code(event.name), event.description]),
    ),
    'widget-parts': table(['part', 'element'], parts),
    'widget-css-properties': table(
      ['property', 'default', 'used for'],
      (widget.cssProperties ?? []).map((property) => [
        code(property.name),
        property.default ? code(property.default) : '—',
        property.description,
      ]),
    ),
    'view-elements': table(
      ['element', 'properties', 'parts', 'internal events'],
      others.map((element) => [
        `${code(element.tagName)} (${code(element.name)})`,
        publicFields(element)
          .map((field) => code(field.name))
          .join(', '),
        (element.cssParts ?? []).map((part) => code(part.name)).join(', '),
        (element.events ?? []).map((event) => code(event.name)).join(', '),
      ]),
    ),
  };
}

const DOCS = ['docs/api.md', 'docs/theming.md'];

async function main() {
  const check = process.argv.includes('--check');
  const tables = generate(readElements());
  const used = new Set();
  const stale = [];
  for (const doc of DOCS) {
    const path = `${root}${doc}`;
    const before = readFileSync(path, 'utf8');
    const replaced = before.replace(
      /(<!-- generated:([\w-]+) -->)[\s\S]*?(<!-- \/generated:\2 -->)/g,
      (whole, open, name, close) => {
        if (!(name in tables)) throw new Error(`${doc}: no table is called "${name}".`);
        used.add(name);
        return `${open}\n\n${tables[name]}\n\n${close}`;
      },
    );
    const after = await prettier.format(replaced, {
      ...(await prettier.resolveConfig(path)),
      filepath: path,
    });
    if (after === before) continue;
    if (check) stale.push(doc);
    else writeFileSync(path, after);
  }
  const missing = Object.keys(tables).filter((name) => !used.has(name));
  if (missing.length > 0)
    throw new Error(`No place in ${DOCS.join(', ')} for: ${missing.join(', ')}`);
  if (stale.length > 0) {
    console.error(
      `${stale.join(', ')}: the API tables no longer match the code. Run \`node scripts/api-docs.mjs\`.`,
    );
    process.exit(1);
  }
  console.log(check ? 'API tables in docs/ are current.' : 'API tables in docs/ rewritten.');
}

await main();
