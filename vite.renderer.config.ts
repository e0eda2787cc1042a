import { fileURLToPath } from 'node:url';
import { defineConfig, type ConfigEnv } from 'vite';
import react from '@vitejs/plugin-react';

const projectDir = fileURLToPath(new URL('.', import.meta.url));

/** Electron Forge's Vite plugin loads this file with its own env, naming the renderer entry. */
interface ForgeConfigEnv extends ConfigEnv {
  forgeConfigSelf?: { name?: string };
}

// One build for both front doors: Forge puts it where its main process looks for it
// (.vite/renderer/<name>), `npm run build:web` and the web front door use dist/renderer.
// `base: './'` keeps every asset URL relative, so file:// (Electron) and http:// (web) both work.
export default defineConfig((env: ForgeConfigEnv) => {
  const forgeName = env.forgeConfigSelf?.name;
  return {
    root: `${projectDir}renderer`,
    base: './',
    plugins: [react()],
    build: {
      outDir: forgeName ? `${projectDir}.vite/renderer/${forgeName}` : `${projectDir}dist/renderer`,
      emptyOutDir: true,
      // No inline scripts or module-preload polyfill: the CSP allows scripts from 'self' only.
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 2000,
    },
    server: { host: '127.0.0.1' },
  };
});
