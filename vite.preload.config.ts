import { defineConfig } from 'vite';

// Electron Forge's Vite plugin supplies the rest (entry electron/preload.ts, one CommonJS file).
// A sandboxed preload can only require('electron'), so everything else it imports is bundled in.
export default defineConfig({});
