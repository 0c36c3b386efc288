/**
 * What every visit runs, as one file in the script-tag build (`porthole-panel-<hash>.js`, see
 * `VISIT_PARTS` in vite.config.ts): the panel, the knowledge base and the ticket part. The
 * chunk loader imports this file for each of the three; apps bundling the package from npm
 * import the three parts themselves (`loading/importers.ts`).
 */
export * from './panel.js';
export * from './kb.js';
export * from './tickets.js';
