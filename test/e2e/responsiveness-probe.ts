/**
 * In-page instrumentation of the window's responsiveness, for `test/bench/ui-bench.ts`: the
 * main thread's long tasks, input→next-paint latency, DOM commits of one screen, a scripted
 * scroll's frames. The functions here run inside Chromium (Playwright serialises them), so they
 * reach the DOM only through `globalThis`, typed below by hand: this Node project has no DOM
 * types, and the few members used are all that is needed.
 */
import type { Page } from 'playwright-core';

interface PerfEntry {
  startTime: number;
  duration: number;
  name: string;
}
interface PageElement {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  querySelectorAll(selector: string): { length: number };
}
interface PageGlobals {
  PerformanceObserver: new (callback: (list: { getEntries(): PerfEntry[] }) => void) => {
    observe(options: { type: string; buffered?: boolean; durationThreshold?: number }): void;
  };
  MutationObserver: new (callback: () => void) => {
    observe(
      target: PageElement,
      options: { subtree: boolean; childList: boolean; attributes: boolean; characterData: boolean },
    ): void;
    disconnect(): void;
  };
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): { length: number };
    addEventListener(
      type: string,
      listener: (event: { type: string; timeStamp: number }) => void,
      capture: boolean,
    ): void;
  };
  requestAnimationFrame(callback: (time: number) => void): number;
  setTimeout(callback: () => void, ms: number): number;
  performance: { now(): number; memory?: { usedJSHeapSize: number } };
  __cargaProbe?: ProbeState;
}

interface Arming {
  selector: string;
  /** When the selector first matched, after the input, and when that frame was painted. */
  paintedAt: number | null;
}

interface ProbeState {
  longTasks: { start: number; duration: number }[];
  /** Event Timing entries (input → next paint) of at least 16 ms. */
  slowEvents: { name: string; start: number; duration: number }[];
  /** Input timestamp → the paint after its handlers ran, for every pointerdown, click and keydown. */
  inputs: { type: string; start: number; latency: number }[];
  lastInputAt: number;
  commits: number[];
  watching: { disconnect(): void } | null;
  arming: Arming | null;
}

/** Installs the probe in every document the page loads (call before navigating or reloading). */
export async function installProbe(page: Page): Promise<void> {
  // tsx (esbuild with keepNames) wraps named functions in `__name(…)`; serialised into the page,
  // they need it there too.
  await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals;
    const state: ProbeState = {
      longTasks: [],
      slowEvents: [],
      inputs: [],
      lastInputAt: 0,
      commits: [],
      watching: null,
      arming: null,
    };
    g.__cargaProbe = state;
    new g.PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new g.PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.slowEvents.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    // rAF runs just before the frame is painted; a task queued from it runs just after.
    const afterNextPaint = (then: (at: number) => void) =>
      g.requestAnimationFrame(() => g.setTimeout(() => then(g.performance.now()), 0));
    const onInput = (event: { type: string; timeStamp: number }) => {
      state.lastInputAt = event.timeStamp;
      afterNextPaint((at) =>
        state.inputs.push({ type: event.type, start: event.timeStamp, latency: at - event.timeStamp }),
      );
    };
    for (const type of ['pointerdown', 'click', 'keydown']) g.document.addEventListener(type, onInput, true);
  });
}

export interface ProbeWindow {
  from: number;
  to: number;
  longTasks: { start: number; duration: number }[];
  slowEvents: { name: string; start: number; duration: number }[];
  inputs: { type: string; start: number; latency: number }[];
  commits: number[];
  heapBytes: number | null;
}

/** The page's clock (ms since it loaded). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now());
}

/** What the probe saw between `from` and now. */
export function readProbe(page: Page, from: number): Promise<ProbeWindow> {
  return page.evaluate((since) => {
    const g = globalThis as unknown as PageGlobals;
    const state = g.__cargaProbe;
    if (!state) throw new Error('the responsiveness probe is not installed');
    const after = <T extends { start: number }>(items: T[]) => items.filter((item) => item.start >= since);
    return {
      from: since,
      to: g.performance.now(),
      longTasks: after(state.longTasks),
      slowEvents: after(state.slowEvents),
      inputs: after(state.inputs),
      commits: state.commits.filter((at) => at >= since),
      heapBytes: g.performance.memory?.usedJSHeapSize ?? null,
    };
  }, from);
}

/** Counts the DOM commits (one MutationObserver callback per rendering React did) under the
 * element matching `selector`, until `stopWatching`. */
export async function watchCommits(page: Page, selector: string): Promise<void> {
  await page.evaluate((target) => {
    const g = globalThis as unknown as PageGlobals;
    const state = g.__cargaProbe;
    const element = g.document.querySelector(target);
    if (!state || !element) throw new Error(`nothing to watch at ${target}`);
    state.watching?.disconnect();
    const observer = new g.MutationObserver(() => state.commits.push(g.performance.now()));
    observer.observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
    state.watching = observer;
  }, selector);
}

export async function stopWatching(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as PageGlobals).__cargaProbe?.watching?.disconnect());
}

/** Arms a wait for `selector` to match: call it, then give the input, then `armedLatency`. */
export async function armFor(page: Page, selector: string): Promise<void> {
  await page.evaluate((target) => {
    const g = globalThis as unknown as PageGlobals;
    const state = g.__cargaProbe;
    if (!state) throw new Error('the responsiveness probe is not installed');
    const arming: Arming = { selector: target, paintedAt: null };
    state.arming = arming;
    // Checked once a frame, before it is painted: the time is that frame's paint.
    const check = () => {
      if (state.arming !== arming) return;
      if (g.document.querySelector(target)) g.setTimeout(() => (arming.paintedAt = g.performance.now()), 0);
      else g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  }, selector);
}

/** Milliseconds from the last input (pointerdown, click or keydown) to the paint of the first frame in
 * which the armed selector matched; waits for it. */
export async function armedLatency(page: Page, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const state = (globalThis as unknown as PageGlobals).__cargaProbe;
      const painted = state?.arming?.paintedAt;
      return painted === null || painted === undefined ? false : painted - state!.lastInputAt;
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  return Number(await handle.jsonValue());
}

export interface ScrollRun {
  frames: number;
  elapsedMs: number;
  longestFrameMs: number;
  /** Frames that took more than 50 ms (three missed at 60 Hz). */
  framesOver50ms: number;
  pixels: number;
}

/** Scrolls the element at `selector` by `step` pixels a frame for `frames` frames, and times
 * the frames the browser actually produced meanwhile. */
export function scriptedScroll(
  page: Page,
  selector: string,
  step: number,
  frames: number,
): Promise<ScrollRun> {
  return page.evaluate(
    ({ target, pixelsPerFrame, count }) =>
      new Promise<ScrollRun>((resolve, reject) => {
        const g = globalThis as unknown as PageGlobals;
        const element = g.document.querySelector(target);
        if (!element) return reject(new Error(`nothing to scroll at ${target}`));
        const startTop = element.scrollTop;
        const stamps: number[] = [];
        const frame = (time: number) => {
          stamps.push(time);
          if (stamps.length > count) {
            const gaps = stamps.slice(1).map((at, i) => at - (stamps[i] ?? at));
            resolve({
              frames: count,
              elapsedMs: time - (stamps[0] ?? time),
              longestFrameMs: Math.max(...gaps),
              framesOver50ms: gaps.filter((gap) => gap > 50).length,
              pixels: element.scrollTop - startTop,
            });
            return;
          }
          element.scrollTop += pixelsPerFrame;
          g.requestAnimationFrame(frame);
        };
        g.requestAnimationFrame(frame);
      }),
    { target: selector, pixelsPerFrame: step, count: frames },
  );
}

/** Jumps the element at `selector` to `top` (as dragging the scroll bar does); the caller arms a
 * wait first. The jump counts as the input. */
export async function jumpTo(page: Page, selector: string, top: number): Promise<void> {
  await page.evaluate(
    ({ target, scrollTop }) => {
      const g = globalThis as unknown as PageGlobals;
      const element = g.document.querySelector(target);
      const state = g.__cargaProbe;
      if (!element || !state) throw new Error(`nothing to scroll at ${target}`);
      state.lastInputAt = g.performance.now();
      element.scrollTop = scrollTop;
    },
    { target: selector, scrollTop: top },
  );
}

/** How many elements match `selector` now. */
export function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (target) => (globalThis as unknown as PageGlobals).document.querySelectorAll(target).length,
    selector,
  );
}
