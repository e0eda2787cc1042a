#!/usr/bin/env -S node --max-semi-space-size=8
// Installed entry point: runs the prebuilt CLI bundle (rebuilt first if a source is newer).
// The young generation is capped at 8 MB a semi-space: uncapped, Node sizes it from the machine's
// memory, and a 100k-record T3 import (10,000-record batches that outlive a scavenge) peaks at
// ~250–290 MB RSS; capped, ~190–210 MB for the same CPU time (`npm run bench -- import`). The
// same flag starts `npm run carga`, `npm run web` and `npm start` (package.json), and the Linux
// app's launcher (electron-builder.yml); the import bench also measures a run without it.
import { setFlagsFromString } from 'node:v8';

import { runBundle } from '../scripts/node-bundle.mjs';
import { onSupportedNode } from '../scripts/supported-node.mjs';

onSupportedNode();
// The HTTP client parses answers with llhttp, compiled to WebAssembly. V8 recompiles its parser
// function with its optimizing compiler once a budget of work is spent, and here each answer (a
// new parser per connection) spends so much of the default budget that a CLI job reaches it by its
// second answer: ~45 ms of CPU on another thread for answers of a few hundred bytes, which the
// process's exit then waits for (`--trace-wasm-compilation-times` shows it). A budget ~150× larger
// keeps the baseline code, fast enough for such answers, until a long job has sent hundreds of
// requests, when the optimized parser pays for itself. Only the CLI: the app lives long enough. Set
// before the CLI's script is compiled: V8 keeps its code only for the same flags (runBundle).
setFlagsFromString('--wasm-tiering-budget=2000000000');
await runBundle('carga');
