#!/usr/bin/env node
// Installed entry point: runs the prebuilt CLI bundle (rebuilt first if a source is newer).
import { pathToFileURL } from 'node:url';

import { freshCliBundle } from '../scripts/cli-bundle.mjs';

await import(pathToFileURL(await freshCliBundle()).href);
