/**
 * The knowledge-base chunk (`porthole-kb-<hash>.js` beside the script bundle): `@porthole/kb` with
 * Fuse.js. Loaded through the widget's chunk loader when the visitor is about to search (launcher hover, focus
 * or touch, the panel opening, a `search` or `article` command).
 */
export { openKnowledgeBase } from '@porthole/kb';
