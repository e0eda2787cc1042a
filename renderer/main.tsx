import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dropzone/styles.css';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** Resolves once the page has been painted: rAF runs just before a frame, the timeout after it.
 * A hidden window (a browser tab opened behind another) paints no frames, so a timer decides. */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

// Evaluating the app's code (React, Mantine, the wizard) holds the main thread for a few hundred
// milliseconds on a busy machine: index.html's "Loading Carga…" is painted first, so the window
// never stays blank meanwhile. The code downloads in parallel: index.html preloads its chunks
// (see vite.renderer.config.ts).
void afterFirstPaint()
  .then(() => import('./mount-app'))
  .then(({ mountApp }) => mountApp(root));
