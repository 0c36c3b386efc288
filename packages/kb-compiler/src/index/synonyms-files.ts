import { SYNONYMS_FILE, parseSynonyms, type SynonymGroup } from './synonyms.js';

/** Synonym groups by locale. */
export type LocaleSynonyms = ReadonlyMap<string, SynonymGroup[]>;

/**
 * Read `<locale>/synonyms.yml` of every locale that has one. Problems go to `reporter(path,
 * text)`'s callback with their offset in the file; the groups that are fine are kept.
 */
export async function readSynonymsFiles(
  locales: readonly string[],
  readFile: (path: string) => Promise<Uint8Array | undefined>,
  reporter: (path: string, text: string) => (offset: number, message: string) => void,
): Promise<LocaleSynonyms> {
  const result = new Map<string, SynonymGroup[]>();
  for (const locale of locales) {
    const path = `${locale}/${SYNONYMS_FILE}`;
    const bytes = await readFile(path);
    if (!bytes) continue;
    const text = new TextDecoder().decode(bytes);
    const { groups, problems } = parseSynonyms(text);
    const report = reporter(path, text);
    for (const problem of problems) report(problem.offset, problem.message);
    result.set(locale, groups);
  }
  return result;
}
