#!/usr/bin/env node
// Installed entry point: the CLI is TypeScript run through tsx's loader, so a checkout and an
// install run the very same sources.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli.ts');
