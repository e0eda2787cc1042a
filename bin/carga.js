#!/usr/bin/env node
// Installed entry point: runs the prebuilt CLI bundle (rebuilt first if a source is newer).
import { runBundle } from '../scripts/node-bundle.mjs';

await runBundle('carga');
