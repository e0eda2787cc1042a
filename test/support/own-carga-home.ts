import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

// Every `carga` a test starts keeps its jobs and the destination ledger in $CARGA_HOME, else the
// operator's ~/.carga. Shared there, one test's rows read as "already received" in another whose
// sandbox got the same port (same destination, same token), and the machine's home fills with
// test jobs. Each test file gets its own home; a test that needs another sets it explicitly.
const home = mkdtempSync(join(tmpdir(), 'carga-home-'));
process.env.CARGA_HOME = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
