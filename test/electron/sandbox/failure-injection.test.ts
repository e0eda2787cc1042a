import { afterEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_TOKEN,
  startSandbox,
  type SandboxEvent,
  type SandboxHandle,
  type SandboxOptions,
} from '../../../electron/sandbox/sandbox';
import { campaignRecord, crmFailure, managerFailure, postCase, postRecords } from './sandbox-requests';

const open: SandboxHandle[] = [];

/** A sandbox and a way to wait for the end of its n-th request. */
async function sandboxWithEvents(options: SandboxOptions = {}) {
  const ends: SandboxEvent[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  const sandbox = await startSandbox({
    ...options,
    onEvent: (event) => {
      if (event.type !== 'request-end') return;
      ends.push(event);
      for (const waiter of waiters.filter((w) => w.count <= ends.length)) waiter.resolve();
    },
  });
  open.push(sandbox);
  const requestEnded = (count: number) =>
    count <= ends.length
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ count, resolve }));
  return { sandbox, ends, requestEnded };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

describe('injected failures', () => {
  it('http-503-html answers 503 with an HTML page and records nothing', async () => {
    const { sandbox } = await sandboxWithEvents();
    sandbox.inject('http-503-html');

    const answer = await postCase(sandbox);

    expect(answer.status).toBe(503);
    expect(answer.contentType).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<h1>Service Unavailable</h1>');
    expect(answer.body).toBeUndefined();
    expect(sandbox.accepted().cases).toEqual([]);
  });

  it('reset-before-processing drops the connection and records nothing', async () => {
    const { sandbox, ends } = await sandboxWithEvents();
    sandbox.inject('reset-before-processing');

    await expect(postCase(sandbox)).rejects.toThrow();

    expect(sandbox.accepted().cases).toEqual([]);
    expect(ends).toEqual([
      {
        type: 'request-end',
        method: 'POST',
        path: '/server/API/v2/cases/insert.php',
        status: null,
        outcome: 'reset',
      },
    ]);
    expect(sandbox.stats().byToken[SANDBOX_TOKEN]).toEqual({ used: 1, inFlight: 0, maxInFlight: 1 });
  });

  it('reset-after-processing records the case, then drops the connection without answering', async () => {
    const { sandbox } = await sandboxWithEvents();
    sandbox.inject('reset-after-processing');

    await expect(postCase(sandbox)).rejects.toThrow();

    expect(sandbox.accepted().cases.map((c) => c.id)).toEqual(['CS-000001']);
  });

  it('reset-after-processing adds the campaign records too', async () => {
    const { sandbox } = await sandboxWithEvents();
    sandbox.inject('reset-after-processing');

    await expect(postRecords(sandbox, [campaignRecord(1), campaignRecord(2)])).rejects.toThrow();

    expect(sandbox.accepted().campaignRecords).toHaveLength(2);
  });

  it('slow answers normally once slowMs has passed', async () => {
    const { sandbox } = await sandboxWithEvents({ slowMs: 20 });
    sandbox.inject('slow');

    const answer = await postCase(sandbox);

    expect(answer.status).toBe(200);
    expect(sandbox.accepted().cases).toHaveLength(1);
  });

  it('slow records nothing when the client gives up first', async () => {
    const { sandbox, ends, requestEnded } = await sandboxWithEvents();
    sandbox.inject('slow');
    const client = new AbortController();

    const request = postCase(sandbox, undefined, { signal: client.signal });
    await sandbox.whenInFlight(1);
    client.abort();
    await expect(request).rejects.toThrow();
    await requestEnded(1);

    expect(ends[0]).toMatchObject({ status: null, outcome: 'abandoned' });
    expect(sandbox.accepted().cases).toEqual([]);
    expect(sandbox.stats().byToken[SANDBOX_TOKEN]?.inFlight).toBe(0);
  });

  it('a custom failure answers in the style of the endpoint, with its own body code', async () => {
    const { sandbox } = await sandboxWithEvents();
    sandbox.inject({ status: 417, msg: 'NO RECORD INSERTED' });
    sandbox.inject({ status: 200, code: '404', msg: 'THIS CODE ALREADY EXISTS' });
    sandbox.inject({ status: 417, code: 417, msg: 'UNABLE TO CONNECT' });

    const first = await postCase(sandbox);
    const second = await postCase(sandbox);
    const third = await postRecords(sandbox, [campaignRecord(1)]);

    expect(first.status).toBe(417);
    expect(first.body).toEqual(crmFailure(417, 'NO RECORD INSERTED'));
    expect(second.status).toBe(200);
    expect(second.body).toEqual(crmFailure(404, 'THIS CODE ALREADY EXISTS'));
    expect(third.status).toBe(417);
    expect(third.body).toEqual(managerFailure(417, 'UNABLE TO CONNECT'));
    expect(sandbox.accepted()).toEqual({
      cases: [],
      campaignRecords: [],
      moduleRecords: [],
      thalamusCases: [],
    });
  });

  it('serves failures first in, first out, each to one request, then behaves normally', async () => {
    const { sandbox } = await sandboxWithEvents();
    sandbox.inject('http-503-html', 2);
    sandbox.inject({ status: 500, msg: 'BOOM' });

    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await postCase(sandbox)).status);

    expect(statuses).toEqual([503, 503, 500, 200]);
  });

  it('is not taken by requests refused before the token checks pass', async () => {
    const { sandbox } = await sandboxWithEvents();
    sandbox.inject('http-503-html');

    const refused = await postCase(sandbox, undefined, { token: 'wrong' });
    const served = await postCase(sandbox);

    expect(refused.status).toBe(403);
    expect(served.status).toBe(503);
  });

  it('is cleared by reset', async () => {
    const { sandbox } = await sandboxWithEvents();
    sandbox.inject('http-503-html');

    sandbox.reset();

    expect((await postCase(sandbox)).status).toBe(200);
  });

  it('refuses a count that is not a positive integer', async () => {
    const { sandbox } = await sandboxWithEvents();

    expect(() => sandbox.inject('slow', 0)).toThrow(RangeError);
    expect(() => sandbox.inject('slow', 1.5)).toThrow(RangeError);
  });
});
