import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

import { preloadSteps } from '../../renderer/app/Wizard';

// The app fetches each step's code when first needed; tests load it up front, so a screen
// appears as soon as it would once that code is cached, whatever the load on the machine.
await preloadSteps();

// findBy* waits for the screen to show what it should; a second is too short a net when eight
// test workers share two cores, and a passing screen never waits longer than it takes to render.
configure({ asyncUtilTimeout: 5000 });

// What Mantine and TanStack Virtual expect from a browser and jsdom does not provide.

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class NoopResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = NoopResizeObserver;

Element.prototype.scrollIntoView = function scrollIntoView() {};
Element.prototype.scrollTo = function scrollTo() {};

// jsdom lays nothing out, so every element measures 0×0 and a virtualized list would render no
// row. The results grid marks its scroll viewport; give that one the size of a window.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute('data-virtual-viewport') ? 600 : (clientHeight?.get?.call(this) ?? 0);
  },
});
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute('data-virtual-viewport') ? 1200 : (clientWidth?.get?.call(this) ?? 0);
  },
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  delete document.body.dataset.ready;
});
