import { defineConfig } from 'vite';

// No React plugin needed to build: Vite compiles JSX itself (add @vitejs/plugin-react for
// fast refresh while developing).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  // `npm run dev` beside `porthole serve --kb dist/kb` on :8787: the KB and tickets go there.
  server: { proxy: { '/kb': 'http://127.0.0.1:8787', '/v1': 'http://127.0.0.1:8787' } },
});
