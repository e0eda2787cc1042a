#!/usr/bin/env -S node --max-semi-space-size=8
// `npm run web`: runs the prebuilt web front door (rebuilt first if a source is newer), with the
// engine's young generation capped as bin/carga.js explains.
import { runBundle } from '../scripts/node-bundle.mjs';
import { onSupportedNode } from '../scripts/supported-node.mjs';

onSupportedNode();
await runBundle('web');
