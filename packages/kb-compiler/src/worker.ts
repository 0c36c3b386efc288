/** A render worker (see pool.ts): renders the jobs it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { createArticleRenderer, type RenderJob } from './render.js';

const renderer = createArticleRenderer();
parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
  const result = renderer.render(message.job);
  // The terms' typed array is moved, not copied.
  const transfer = result.terms ? [result.terms.stream.buffer as ArrayBuffer] : [];
  parentPort?.postMessage({ id: message.id, result }, transfer);
});
