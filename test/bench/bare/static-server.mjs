// The baseline for `npm run web`: a bare Node static server that prints its address, nothing more.
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const root = process.argv[2];
const server = createServer((req, res) =>
  createReadStream(join(root, 'index.html'))
    .on('error', () => res.end())
    .pipe(res),
);
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(`Carga: http://127.0.0.1:${server.address().port}/\n`),
);
