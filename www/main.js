// The app's entry point: loads the engine and interface (pkg/, built by wasm-bindgen from the
// library) and mounts the whole app into #app. Embedding pages do the same with their own options.
import init, { mount } from './pkg/discount_lab.js';

const root = document.getElementById('app');
try {
  await init();
  root.textContent = '';
  // Kept for the page's lifetime (module scope).
  globalThis.discountLabApp = mount(root, { page: true });
} catch (err) {
  root.textContent = `Discount Lab could not start: ${err?.message ?? err}`;
  throw err;
}
