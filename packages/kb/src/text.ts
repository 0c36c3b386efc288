/**
 * Text normalization shared by the compiler (when it builds the index) and the browser (when a
 * visitor types). Both sides MUST fold text identically, or a term indexed one way is never
 * found the other way; that is why this module is exported to `@porthole/kb-compiler` through
 * `@porthole/kb/format` instead of being written twice.
 */

/**
 * Letters that Unicode does not decompose into a base letter plus a mark, but that visitors
 * routinely type without their stroke or ligature (Polish ł, Croatian đ, German ß, Danish ø …),
 * plus the Greek final sigma, which is the same letter as σ.
 */
const FOLDS: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ŀ: 'l',
  ς: 'σ',
};
const FOLD_PATTERN = /[łđðßæøœþħıŧŀς]/g;
/** Nonspacing marks only: accents, tonos, the Cyrillic breve and diaeresis (ё → е, й → и). */
const MARKS = /\p{Mn}+/gu;
/**
 * A token is a run of letters, digits and (spacing) marks, except that each Han, Hiragana or
 * Katakana character stands alone, because those scripts do not separate words with spaces.
 */
const TOKEN =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+/gu;

/** The longest token kept; Fuse's bitap matcher refuses patterns longer than 32 characters. */
export const MAX_TOKEN_LENGTH = 32;

/**
 * Fold text for matching: compatibility decomposition (NFKD), accents and other nonspacing
 * marks removed, lower case, and the letters in {@link FOLDS} replaced.
 * `"Hasło, Rēķins, Κωδικός, ёлка"` → `"haslo, rekins, κωδικοσ, елка"`.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLD_PATTERN, (letter) => FOLDS[letter] ?? letter);
}

/** Split already normalized text into tokens (see {@link normalizeText}). */
export function splitTokens(normalized: string): string[] {
  const tokens = normalized.match(TOKEN) ?? [];
  return tokens.map((token) =>
    token.length > MAX_TOKEN_LENGTH ? token.slice(0, MAX_TOKEN_LENGTH) : token,
  );
}

/** Call `visit` with each token of already normalized text and where it starts. */
export function forEachToken(
  normalized: string,
  visit: (token: string, index: number) => void,
): void {
  for (const match of normalized.matchAll(TOKEN)) visit(match[0], match.index);
}

/** Normalize, then split into tokens: what both the index and the query see. */
export function tokenizeText(text: string): string[] {
  return splitTokens(normalizeText(text));
}

/** A normalized string plus, for each of its UTF-16 units, the offset it came from. */
export interface NormalizedWithOffsets {
  text: string;
  offsets: number[];
}

/**
 * Normalize character by character, remembering where each output unit came from, so that a
 * match found in normalized text can be cut out of the original (for snippets). NFKD does not
 * recompose, so folding one code point at a time gives the same text as folding the whole.
 */
export function normalizeWithOffsets(text: string): NormalizedWithOffsets {
  let normalized = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    const folded = normalizeText(char);
    normalized += folded;
    for (let i = 0; i < folded.length; i++) offsets.push(index);
    index += char.length;
  }
  return { text: normalized, offsets };
}
