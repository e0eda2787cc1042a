import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_TOKEN,
  startSandbox,
  WOLKVOX_MESSAGES,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import {
  crmFailure,
  crmTokenInfo,
  managerFailure,
  managerTokenInfo,
  postCase,
  send,
} from './sandbox-requests';

let sandbox: SandboxHandle;
const fixedNoon = () => new Date(2026, 4, 20, 12, 0, 0);

beforeEach(async () => {
  sandbox = await startSandbox({
    tokens: [
      { token: 'crm', dailyLimit: 4800, usedToday: 10 },
      { token: 'other', dailyLimit: 1000, usedToday: 7 },
    ],
    now: fixedNoon,
  });
});

afterEach(async () => {
  await sandbox.close();
});

describe('reading the token quota', () => {
  it('answers the CRM quota, counting the read itself', async () => {
    const answer = await crmTokenInfo(sandbox, 'crm');

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code: '200',
      error: 'null',
      msg: 'Success',
      data: {
        token_limit: 4800,
        token_use_today: 11,
        available_consumition_options: 4789,
        hours_to_restart_count: 12,
      },
    });
  });

  it('answers the Manager quota, with every token used today', async () => {
    const answer = await managerTokenInfo(sandbox, 'other');

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code: 200,
      error: null,
      msg: 'Success',
      data: {
        token_limit: 1000,
        token_use_today: 8,
        all_token_today: 18,
        available_consumption_options: 992,
      },
    });
  });

  it('counts every read against the quota, like any other request', async () => {
    await crmTokenInfo(sandbox, 'crm');
    await postCase(sandbox, undefined, { token: 'crm' });
    const answer = await crmTokenInfo(sandbox, 'crm');

    expect(answer.body).toMatchObject({ data: { token_use_today: 13, available_consumition_options: 4787 } });
    expect(sandbox.stats().byToken.crm?.used).toBe(13);
  });

  it('is refused with TOKEN LIMIT EXCEEDED once the quota is used', async () => {
    sandbox.setQuota('crm', 2, 2);

    const answer = await crmTokenInfo(sandbox, 'crm');

    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(crmFailure(403, WOLKVOX_MESSAGES.tokenLimitExceeded));
  });

  it('needs the CRM operation, and the right one', async () => {
    const missing = await send(`${sandbox.origin}/server/API/v2/token/tokenInformation.php`, {
      headers: { 'Wolkvox-Token': 'crm' },
    });
    const wrong = await crmTokenInfo(sandbox, 'crm', 'otra');

    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(crmFailure(400, WOLKVOX_MESSAGES.parametersRequired));
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(
      crmFailure(
        404,
        WOLKVOX_MESSAGES.review,
        'THE OPERATION (otra) DOES NOT EXIST OR DOES NOT BELONG TO THIS TOKEN',
      ),
    );
  });

  it('answers 405 to POST, and 401/403 without a valid token', async () => {
    const post = await send(`${sandbox.origin}/api/v2/information.php?api=token_info`, {
      method: 'POST',
      headers: { 'wolkvox-token': 'crm' },
    });
    const missing = await send(`${sandbox.origin}/api/v2/information.php?api=token_info`);
    const unknown = await managerTokenInfo(sandbox, SANDBOX_TOKEN);

    expect(post.body).toEqual(
      managerFailure(405, 'ONLY THE USE OF THE GET METHOD IS ALLOWED IN THIS REQUEST'),
    );
    expect(missing.body).toEqual(managerFailure(401, WOLKVOX_MESSAGES.enterToken));
    expect(unknown.body).toEqual(managerFailure(403, WOLKVOX_MESSAGES.invalidToken));
  });

  it('never takes an injected failure, so a client can read its quota between failures', async () => {
    sandbox.inject('http-503-html');

    const read = await crmTokenInfo(sandbox, 'crm');
    const write = await postCase(sandbox, undefined, { token: 'crm' });

    expect(read.status).toBe(200);
    expect(write.status).toBe(503);
  });
});
