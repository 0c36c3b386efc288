/**
 * Per-locale synonyms that authors edit: `content/<locale>/synonyms.yml`, a YAML list of
 * groups, each a list of words or phrases a visitor may use for the same thing:
 *
 * ```yaml
 * - [refund, money back, reimbursement]
 * - sign in, log in, login   # a comma-separated string works too
 * ```
 *
 * Synonyms are applied at build time: a record that contains one member of a group is also
 * indexed under the others (at {@link SYNONYM_WEIGHT} of the weight it has for the member
 * found), so the browser does nothing extra. Not `_`-prefixed and not `.md`, so it is never
 * taken for an article or a partial.
 */
import { isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';
import { tokenizeText } from '@porthole/kb/format';

export const SYNONYMS_FILE = 'synonyms.yml';
/** How much a synonym counts against the word the article really uses. */
export const SYNONYM_WEIGHT = 0.7;

/** One group: its members as token sequences (`money back` → `['money', 'back']`). */
export type SynonymGroup = string[][];

export interface SynonymProblem {
  /** Offset in the file. */
  offset: number;
  message: string;
}

/** Parse a synonyms file; problems (bad YAML, wrong shapes) are reported and the rest is kept. */
export function parseSynonyms(text: string): {
  groups: SynonymGroup[];
  problems: SynonymProblem[];
} {
  const problems: SynonymProblem[] = [];
  const groups: SynonymGroup[] = [];
  const document = parseDocument(text, { uniqueKeys: false });
  for (const error of document.errors) {
    problems.push({ offset: error.pos[0], message: `synonyms: ${error.message.split('\n')[0]}` });
  }
  if (document.errors.length > 0) return { groups, problems };
  const root = document.contents;
  if (root === null) return { groups, problems };
  if (!isSeq(root)) {
    problems.push({
      offset: offsetOf(root),
      message: 'synonyms: the file must be a list of groups, e.g. `- [refund, money back]`',
    });
    return { groups, problems };
  }
  for (const item of root.items) {
    const node = item as Node;
    let members: string[] | undefined;
    if (isScalar(node) && typeof node.value === 'string') members = node.value.split(',');
    else if (isSeq(node) && node.items.every((m) => isScalar(m) && typeof m.value === 'string')) {
      members = node.items.map((m) => String((m as { value: string }).value));
    }
    if (!members || isMap(node)) {
      problems.push({
        offset: offsetOf(node),
        message:
          'synonyms: each group must be a list of words or phrases, e.g. `- [refund, money back]`',
      });
      continue;
    }
    const tokens = [...new Map(members.map((m) => [tokenizeText(m).join(' '), tokenizeText(m)]))]
      .map(([, t]) => t)
      .filter((t) => t.length > 0);
    if (tokens.length < 2) {
      problems.push({
        offset: offsetOf(node),
        message: 'synonyms: a group needs two or more members',
      });
      continue;
    }
    groups.push(tokens);
  }
  return { groups, problems };
}

function offsetOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0] ?? 0;
}

/**
 * Where members of `groups` occur in `tokens`: for each occurrence, the tokens of every other
 * member of the group and the position of the occurrence.
 */
export function findSynonyms(
  tokens: readonly string[],
  groups: readonly SynonymGroup[],
): { tokens: string[]; position: number }[] {
  const found: { tokens: string[]; position: number }[] = [];
  if (groups.length === 0 || tokens.length === 0) return found;
  for (const group of groups) {
    group.forEach((member, m) => {
      const at = indexOfSequence(tokens, member);
      if (at === -1) return;
      group.forEach((other, o) => {
        if (o !== m) found.push({ tokens: other, position: at });
      });
    });
  }
  return found;
}

function indexOfSequence(tokens: readonly string[], sequence: readonly string[]): number {
  const first = sequence[0];
  for (let i = tokens.indexOf(first ?? ''); i !== -1; i = tokens.indexOf(first ?? '', i + 1)) {
    if (sequence.every((token, k) => tokens[i + k] === token)) return i;
  }
  return -1;
}
