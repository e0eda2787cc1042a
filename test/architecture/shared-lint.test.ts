import { join } from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Lints a probe source as if it were the file at `path`, with the project's own configuration. */
async function ruleIdsFor(path: string, source: string): Promise<(string | null)[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(source, { filePath: join(ROOT, path) });
  return result!.messages.map((message) => message.ruleId);
}

describe('the lint rule that keeps shared/ free of any environment', () => {
  it.each([
    [
      'shared/probe.ts',
      "import type { Engine } from '../electron/engine/engine';\nexport type Probe = Engine;\n",
    ],
    [
      'shared/messages/probe.ts',
      "import type { Engine } from '../../electron/engine/engine';\nexport type Probe = Engine;\n",
    ],
    [
      'shared/targets/deep/probe.ts',
      "import { App } from '../../../renderer/app/App';\nexport const probe = App;\n",
    ],
    [
      'shared/messages/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    ],
  ])('fails %s importing outside shared/', async (path, source) => {
    expect(await ruleIdsFor(path, source)).toContain('no-restricted-imports');
  });

  it('passes a nested shared/ file importing shared/ only', async () => {
    expect(
      await ruleIdsFor(
        'shared/messages/probe.ts',
        "import type { Lang } from '../lang';\nexport type Probe = Lang;\n",
      ),
    ).toEqual([]);
  });
});
