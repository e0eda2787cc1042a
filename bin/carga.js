#!/usr/bin/env -S node --max-semi-space-size=8
// Installed entry point: runs the prebuilt CLI bundle (rebuilt first if a source is newer).
// The young generation is capped at 8 MB a semi-space: uncapped, Node sizes it from the machine's
// memory, and a 100k-record T3 import (10,000-record batches that outlive a scavenge) peaks at
// ~250–290 MB RSS; capped, ~190–210 MB for the same CPU time (`npm run bench -- import`). The
// same flag starts `npm run carga`, `npm run web` and `npm start` (package.json), and the Linux
// app's launcher (electron-builder.yml); the import bench also measures a run without it.
import { runBundle } from '../scripts/node-bundle.mjs';
import { onSupportedNode } from '../scripts/supported-node.mjs';

onSupportedNode();
await runBundle('carga');
