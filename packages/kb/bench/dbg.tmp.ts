import { compileKnowledgeBase } from '@porthole/kb-compiler';
import { openKnowledgeBase } from '@porthole/kb';
import { LocaleIndex } from '../src/locale-index.js';
import { searchLocale } from '../src/locale-search.js';
import { prepareQuery } from '../src/expand.js';
import { createDataLoader } from '../src/loader.js';
const result = await compileKnowledgeBase({ contentDir: process.argv[2]! });
const [query, locale = 'en'] = process.argv[3]!.split('@');
const entry = result.manifest.locales.find((l) => l.locale === locale)!;
const index = await LocaleIndex.load(entry, createDataLoader(result));
const r = await searchLocale(index, prepareQuery(query!));
console.log(
  r.expansions.map((c) => c.map((x) => `${x.info.term}:${x.similarity.toFixed(2)}`).join(' ')),
);
for (const s of r.scored.slice(0, 5))
  console.log(entry.articles[s.article]?.slug, s.record, s.score.toFixed(3), s.evidence.toFixed(2));
