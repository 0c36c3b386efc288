import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <porthole-*> are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('porthole-') } },
    }),
  ],
  // `npm run dev` beside `porthole serve --kb dist/kb` on :8787: the KB and tickets go there.
  server: { proxy: { '/kb': 'http://127.0.0.1:8787', '/v1': 'http://127.0.0.1:8787' } },
});
