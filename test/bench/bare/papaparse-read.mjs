// The bare baseline of `carga check`: papaparse's own Node stream over Node's native UTF-8
// decoding, in a plain Node process (no TypeScript loader). Prints the number of data rows.
import { createReadStream } from 'node:fs';

import Papa from 'papaparse';

const [path, delimiter = ';'] = process.argv.slice(2);
let rows = 0;
await new Promise((resolve, reject) => {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter });
  parser.on('data', () => rows++);
  parser.on('end', resolve);
  parser.on('error', reject);
  createReadStream(path).setEncoding('utf8').pipe(parser);
});
process.stdout.write(`${rows - 1}\n`);
