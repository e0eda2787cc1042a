// Preloaded (NODE_OPTIONS=--import) into every Node process a bench starts, wrappers and
// children included: at exit each appends its peak RSS in KiB and the CPU time it used in µs
// (user + system) to the file the bench named.
import { appendFileSync } from 'node:fs';

const file = process.env.CARGA_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
