import { importBench } from './import-bench';
import { readBench } from './read-bench';
import { uiBench } from './ui-bench';

/** `npm run bench`: figures, not assertions. Each part prints its own table. */
await readBench();
await importBench();
await uiBench();
