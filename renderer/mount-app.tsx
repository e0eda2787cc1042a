import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { selectBridge } from './bridge/select-bridge';

/** Replaces index.html's "Loading…" with the app. */
export function mountApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <App bridge={selectBridge()} />
    </StrictMode>,
  );
}
