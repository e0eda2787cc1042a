// The bare baseline of a T1 import: a plain Node client that reads the cases CSV line by line,
// maps its columns to the case's fields, and posts one case per multipart/form-data request with
// 2 in flight on keep-alive connections, checking each answer. The leanest client that does the
// job: node:http, the body built by hand; no journal, no ledger, no quota, no mapping engine.
// Usage: node case-client.mjs FILE ORIGIN TOKEN. Prints {"ok":N,"seconds":S}: from the first
// request to the last answer.
import { createReadStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';

const [path, origin, token] = process.argv.slice(2);
const FIELDS = ['case-type', 'responsible', 'owner', 'contact', 'description', 'status', 'priority'];
/** The Spanish words of the file in the CRM's values, as the operator's template maps them. */
const VALUES = { Solicitud: 'Request', Abierto: 'open', Alta: 'high' };
const url = new URL('/server/API/v2/cases/insert.php', origin);
const agent = new Agent({ keepAlive: true, maxSockets: 2 });
const BOUNDARY = '----bare-client-boundary-7f3a9c';

let started = 0;
let ok = 0;
const inFlight = new Set();

function body(cells) {
  const parts = [['operation', 'demo']];
  FIELDS.forEach((field, i) => parts.push([field, VALUES[cells[i]] ?? cells[i]]));
  parts.push(['form', JSON.stringify({ Ciudad: cells[FIELDS.length] })]);
  let text = '';
  for (const [name, value] of parts)
    text += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.from(`${text}--${BOUNDARY}--\r\n`);
}

function send(cells) {
  const payload = body(cells);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Wolkvox-Token': token,
          Accept: 'application/json',
          'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
          'Content-Length': payload.length,
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString());
          if (response.statusCode !== 200 || String(answer.code) !== '200')
            reject(new Error(`refused: ${response.statusCode} ${JSON.stringify(answer).slice(0, 200)}`));
          ok++;
          resolve();
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let header = true;
for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
  if (header || line === '') {
    header = false;
    continue;
  }
  while (inFlight.size >= 2) await Promise.race(inFlight);
  started ||= performance.now();
  const task = send(line.split(';')).finally(() => inFlight.delete(task));
  inFlight.add(task);
}
await Promise.all(inFlight);
agent.destroy();
process.stdout.write(JSON.stringify({ ok, seconds: (performance.now() - started) / 1000 }) + '\n');
