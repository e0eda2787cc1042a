import type { Bridge } from './bridge';
import { browserEnvironment } from './browser-environment';
import { createElectronBridge } from './electron-bridge';
import { createWebBridge } from './web-bridge';

/** Decided once at start-up: the preload's `window.carga` inside Electron, HTTP otherwise. */
export function selectBridge(): Bridge {
  return window.carga ? createElectronBridge(window.carga) : createWebBridge(browserEnvironment());
}
