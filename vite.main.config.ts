import { defineConfig } from 'vite';

// Electron Forge's Vite plugin supplies the rest (entry electron/main.ts, CommonJS output in
// .vite/build, Node built-ins and electron left external). Every npm dependency is bundled:
// the packaged app carries .vite/ only, no node_modules.
export default defineConfig({});
