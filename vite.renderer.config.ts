import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import react from '@vitejs/plugin-react';
import { defineConfig, type ConfigEnv, type Plugin } from 'vite';

const projectDir = fileURLToPath(new URL('.', import.meta.url));

/** Electron Forge's Vite plugin loads this file with its own env, naming the renderer entry. */
interface ForgeConfigEnv extends ConfigEnv {
  forgeConfigSelf?: { name?: string };
}

// One build for both front doors: Forge puts it where its main process looks for it
// (.vite/renderer/<name>), `npm run build:web` and the web front door use dist/renderer.
// `base: './'` keeps every asset URL relative, so file:// (Electron) and http:// (web) both work.
/** Writes a `.br` and a `.gz` beside every text file of the build, once, at build time: the web
 * front door serves them as they are (electron/web/static-files.ts), compressing nothing per
 * request. Electron reads the plain files from disk. */
function precompress(): Plugin {
  return {
    name: 'carga-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const path = join(outDir, fileName);
        const bytes = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/** Preloads, from index.html, the chunks main.tsx imports only after the first paint (the app
 * itself): they download while "Loading…" is on screen instead of after it. */
function preloadApp(): Plugin {
  return {
    name: 'carga-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk }) {
        if (!bundle || !chunk) return html;
        const files = new Set<string>();
        const visit = (fileName: string): void => {
          const output = bundle[fileName];
          if (output?.type !== 'chunk' || files.has(fileName)) return;
          files.add(fileName);
          output.imports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        return [...files]
          .filter((fileName) => !html.includes(`./${fileName}`))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig((env: ForgeConfigEnv) => {
  const forgeName = env.forgeConfigSelf?.name;
  return {
    root: `${projectDir}renderer`,
    base: './',
    plugins: [react(), preloadApp(), ...(forgeName ? [] : [precompress()])],
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
