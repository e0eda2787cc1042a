/**
 * node:http's `createServer`, taken from the CommonJS module object. `import … from 'node:http'`
 * builds an ES module facade from every export, and reading its lazy `WebSocket`/`MessageEvent`
 * exports loads all of Node's internal undici: 60–200 ms of every start that serves HTTP (the
 * web front door, the embedded sandbox), spent before anything is listening.
 */
export const { createServer } = process.getBuiltinModule('node:http');
