/**
 * The knowledge-base chunk (in the script-tag bundle, part of the visit's file,
 * `porthole-panel-<hash>.js`: see `visit.ts`): `@porthole/kb` with Fuse.js. Loaded through the widget's chunk loader when the visitor is about to search (launcher hover, focus
 * or touch, the panel opening, a `search` or `article` command).
 */
export { openKnowledgeBase } from '@porthole/kb';
