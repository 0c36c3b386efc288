import { defineConfig } from 'vite';
import porthole from '@porthole/vite-plugin';

// `vite dev` serves the help center at /kb/ and reloads the page when an article changes;
// `vite build` compiles it into dist/kb/ next to the site, with porthole.js beside index.html.
export default defineConfig({
  plugins: [porthole({ content: 'content' })],
});
