import { afterEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_DAILY_LIMIT,
  SANDBOX_TARGET_TOKENS,
  SANDBOX_TOKEN,
  startSandbox,
  WOLKVOX_MESSAGES,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { TokenLedger } from '../../../electron/sandbox/token-ledger';
import {
  campaignRecord,
  crmFailure,
  crmTokenInfo,
  managerFailure,
  managerTokenInfo,
  postCase,
  postRecords,
} from './sandbox-requests';

const open: SandboxHandle[] = [];

async function sandboxWith(...args: Parameters<typeof startSandbox>): Promise<SandboxHandle> {
  const sandbox = await startSandbox(...args);
  open.push(sandbox);
  return sandbox;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

describe('at most 2 requests in flight per token', () => {
  it('answers a third simultaneous request with 403 at once, without counting it in flight or against the quota', async () => {
    const sandbox = await sandboxWith();
    const release = sandbox.holdAnswers();
    const first = postCase(sandbox);
    const second = crmTokenInfo(sandbox);
    await sandbox.whenInFlight(2);

    const third = await postCase(sandbox);
    release();

    expect(third.status).toBe(403);
    expect(third.body).toEqual(crmFailure(403, 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)'));
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(sandbox.accepted().cases).toHaveLength(1);
    expect(sandbox.stats()).toMatchObject({
      requests: 3,
      maxInFlightPerToken: 2,
      throttled: 1,
      quotaRefusals: 0,
      byToken: { [SANDBOX_TOKEN]: { used: 2, inFlight: 0, maxInFlight: 2 } },
    });
  });

  it('answers the Manager way on Manager paths', async () => {
    const sandbox = await sandboxWith();
    const release = sandbox.holdAnswers();
    const held = [managerTokenInfo(sandbox), managerTokenInfo(sandbox)];
    await sandbox.whenInFlight(2);

    const third = await postRecords(sandbox, [campaignRecord(1)]);
    release();
    await Promise.all(held);

    expect(third.status).toBe(403);
    expect(third.body).toEqual(managerFailure(403, WOLKVOX_MESSAGES.simultaneousRequests));
    expect(sandbox.accepted().campaignRecords).toEqual([]);
  });

  it('counts each token on its own', async () => {
    const sandbox = await sandboxWith({
      tokens: [
        { token: 'a', dailyLimit: 10 },
        { token: 'b', dailyLimit: 10 },
      ],
    });
    const release = sandbox.holdAnswers();
    const held = [crmTokenInfo(sandbox, 'a'), crmTokenInfo(sandbox, 'a'), crmTokenInfo(sandbox, 'b')];
    await Promise.all([sandbox.whenInFlight(2, 'a'), sandbox.whenInFlight(1, 'b')]);
    release();

    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(sandbox.stats().byToken).toEqual({
      a: { used: 2, inFlight: 0, maxInFlight: 2 },
      b: { used: 1, inFlight: 0, maxInFlight: 1 },
    });
  });

  it('frees the slot of an answered request before the client can send again', async () => {
    const sandbox = await sandboxWith();
    // Two workers, each sending its next request as soon as its answer arrives.
    const worker = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i += 1) statuses.push((await postCase(sandbox)).status);
      return statuses;
    };

    const statuses = (await Promise.all([worker(), worker()])).flat();

    expect(statuses).toEqual(Array.from({ length: 50 }, () => 200));
    expect(sandbox.stats().throttled).toBe(0);
    expect(sandbox.stats().maxInFlightPerToken).toBeLessThanOrEqual(2);
  });
});

describe('the daily quota', () => {
  it('is one per target by default: cases spent to the last request leave the other targets’ tokens whole', async () => {
    const sandbox = await sandboxWith();
    sandbox.setQuota(SANDBOX_TOKEN, SANDBOX_DAILY_LIMIT, SANDBOX_DAILY_LIMIT);
    expect((await postCase(sandbox)).status).toBe(403);
    for (const token of Object.values(SANDBOX_TARGET_TOKENS).filter((token) => token !== SANDBOX_TOKEN)) {
      expect((await postCase(sandbox, undefined, { token })).status, token).toBe(200);
      expect(sandbox.stats().byToken[token]).toMatchObject({ used: 1 });
    }
    expect(new Set(Object.values(SANDBOX_TARGET_TOKENS)).size).toBe(4);
  });

  it('answers 403 TOKEN LIMIT EXCEEDED once the limit is used, and counts the refusals', async () => {
    const sandbox = await sandboxWith({ tokens: [{ token: 'small', dailyLimit: 3 }] });

    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await postCase(sandbox, undefined, { token: 'small' }));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 403]);
    expect(answers[3]?.body).toEqual(crmFailure(403, 'TOKEN LIMIT EXCEEDED'));
    expect(sandbox.accepted().cases).toHaveLength(3);
    expect(sandbox.stats()).toMatchObject({ quotaRefusals: 1, byToken: { small: { used: 3 } } });
  });

  it('counts refused rows and token reads, not requests without a valid token', async () => {
    const sandbox = await sandboxWith({ tokens: [{ token: 't', dailyLimit: 100, usedToday: 10 }] });

    await postCase(sandbox, { description: 'sin los demás campos' }, { token: 't' });
    await crmTokenInfo(sandbox, 't');
    await postCase(sandbox, undefined, { token: 'wrong' });
    await postCase(sandbox, undefined, { token: null });

    expect(sandbox.stats().byToken.t?.used).toBe(12);
  });

  it('takes a new quota while running, for a known or a new token', async () => {
    const sandbox = await sandboxWith();
    sandbox.setQuota(SANDBOX_TOKEN, 5, 5);
    sandbox.setQuota('otro', 1);

    expect((await postCase(sandbox)).body).toEqual(crmFailure(403, 'TOKEN LIMIT EXCEEDED'));
    expect((await postCase(sandbox, undefined, { token: 'otro' })).status).toBe(200);
  });

  it('restarts the count at local midnight', () => {
    let now = new Date(2026, 2, 15, 23, 30);
    const ledger = new TokenLedger([{ token: 't', dailyLimit: 2, usedToday: 2 }], () => now);

    expect(ledger.tryEnter('t').kind).toBe('over-quota');
    expect(ledger.quota('t').hoursToRestart).toBe(1);
    now = new Date(2026, 2, 16, 0, 0, 1);

    expect(ledger.tryEnter('t').kind).toBe('admitted');
    expect(ledger.quota('t')).toEqual({ limit: 2, usedToday: 1, allTokensToday: 1, hoursToRestart: 24 });
  });
});

describe('reset', () => {
  it('clears accepted records and counters, and goes back to the configured use', async () => {
    const sandbox = await sandboxWith({ tokens: [{ token: 't', dailyLimit: 3, usedToday: 1 }] });
    await postCase(sandbox, undefined, { token: 't' });
    await postCase(sandbox, undefined, { token: 't' });
    await postCase(sandbox, undefined, { token: 't' });

    sandbox.reset();

    expect(sandbox.accepted()).toEqual({
      cases: [],
      campaignRecords: [],
      moduleRecords: [],
      thalamusCases: [],
    });
    expect(sandbox.stats()).toEqual({
      requests: 0,
      maxInFlightPerToken: 0,
      throttled: 0,
      quotaRefusals: 0,
      byToken: { t: { used: 1, inFlight: 0, maxInFlight: 0 } },
    });
    expect((await postCase(sandbox, undefined, { token: 't' })).body).toMatchObject({
      data: { id_case: 'CS-000003' },
    });
  });
});
