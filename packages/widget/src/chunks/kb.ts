/**
 * The knowledge-base chunk (`porthole-kb.js` beside the script bundle): `@porthole/kb` with
 * Fuse.js. Loaded through `lazy.ts` when the visitor is about to search (launcher hover, focus
 * or touch, the panel opening, a `search` or `article` command).
 */
export { openKnowledgeBase } from '@porthole/kb';
