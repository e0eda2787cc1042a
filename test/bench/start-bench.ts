/**
 * Start-up, whole processes: how long Carga takes to do nothing (`--help`) and a small import,
 * against Node doing nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BenchFigure, BenchPart } from './bench-figure';
import { alternate, ROOT, runProcess } from './measure-process';

const RUNS = 3;
const NODE = process.execPath;
const CARGA = join(ROOT, 'bin/carga.js');

export const startBench: BenchPart = {
  name: 'start',
  async run(): Promise<BenchFigure[]> {
    const bare = () => runProcess(NODE, ['-e', '0']);
    // Unmeasured: builds the CLI's bundle if a source changed since it was built.
    await runProcess(NODE, [CARGA, '--help']);
    const help = await alternate(RUNS, () => runProcess(NODE, [CARGA, '--help']), bare);
    const npmHelp = await alternate(
      RUNS,
      () => runProcess('npm', ['run', '--silent', 'carga', '--', '--help']),
      bare,
    );

    const home = mkdtempSync(join(tmpdir(), 'carga-bench-home-'));
    try {
      let run = 0;
      const imports = await alternate(
        RUNS,
        () =>
          runProcess(
            NODE,
            [
              CARGA,
              'import',
              'examples/casos-ejemplo.csv',
              '--template',
              'examples/casos-ejemplo.template.json',
              '--json',
              '--lang',
              'en',
            ],
            {
              env: { CARGA_HOME: join(home, String(run++)) },
              codes: [0, 1],
            },
          ),
        bare,
      );
      return [
        {
          figure: '`carga --help`, whole process',
          carga: { value: help.carga.seconds, unit: 's' },
          baseline: { value: help.baseline.seconds, unit: 's', label: 'node -e 0' },
          target: { kind: 'ratio-at-most', ratio: 2 },
        },
        {
          figure: '`npm run --silent carga -- --help`',
          carga: { value: npmHelp.carga.seconds, unit: 's' },
          baseline: { value: npmHelp.baseline.seconds, unit: 's', label: 'node -e 0' },
          target: { kind: 'none' },
          note: 'the README form in a checkout: npm adds its own start-up to the line above',
        },
        {
          figure: '20-row import into the embedded sandbox',
          carga: { value: imports.carga.seconds, unit: 's' },
          // Beside Node doing nothing: on a machine shared with other work, the ratio says what
          // the seconds alone cannot.
          baseline: { value: imports.baseline.seconds, unit: 's', label: 'node -e 0' },
          target: { kind: 'at-most', value: 1.0 },
        },
      ];
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};
