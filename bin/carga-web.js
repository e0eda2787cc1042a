#!/usr/bin/env node
// `npm run web`: runs the prebuilt web front door (rebuilt first if a source is newer).
import { runBundle } from '../scripts/node-bundle.mjs';
import { onSupportedNode } from '../scripts/supported-node.mjs';

onSupportedNode();
await runBundle('web');
