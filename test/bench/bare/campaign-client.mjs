// The bare baseline of a T3 import: a plain Node client that reads the campaign CSV line by
// line, posts batches of 10,000 records with 2 requests in flight, and checks each answer.
// Usage: node campaign-client.mjs FILE ORIGIN TOKEN. Prints {"ok":N,"seconds":S}.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [path, origin, token] = process.argv.slice(2);
const BATCH = 10_000;
// Each field with its column: the same bytes Carga sends for these rows (its fields in the
// target's order), so both clients put the same load on the server.
const FIELDS = [
  ['customer_name', 0],
  ['customer_last_name', 1],
  ['customer_id', 2],
  ['city', 4],
  ['tel1', 3],
];
const url = `${origin}/api/v2/campaign.php?api=add_record&type_campaign=predictive&campaign_id=1001&campaign_status=active`;

const started = performance.now();
let ok = 0;
const inFlight = new Set();

async function send(records) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'wolkvox-token': token, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(records),
  });
  const body = await response.json();
  if (response.status !== 200)
    throw new Error(`refused: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  ok += records.length;
}

async function dispatch(records) {
  while (inFlight.size >= 2) await Promise.race(inFlight);
  const task = send(records).finally(() => inFlight.delete(task));
  inFlight.add(task);
}

let header = true;
let batch = [];
for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
  if (header || line === '') {
    header = false;
    continue;
  }
  const cells = line.split(';');
  const record = {};
  for (const [field, column] of FIELDS) record[field] = cells[column];
  batch.push(record);
  if (batch.length === BATCH) {
    await dispatch(batch);
    batch = [];
  }
}
if (batch.length) await dispatch(batch);
await Promise.all(inFlight);
process.stdout.write(JSON.stringify({ ok, seconds: (performance.now() - started) / 1000 }) + '\n');
