import { afterEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_DEFAULTS,
  SANDBOX_TOKEN,
  startSandbox,
  WOLKVOX_MESSAGES,
  type SandboxEvent,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { crmFailure, crmTokenInfo, managerFailure, postCase, send, VALID_CASE } from './sandbox-requests';

const open: SandboxHandle[] = [];

async function sandboxWith(...args: Parameters<typeof startSandbox>): Promise<SandboxHandle> {
  const sandbox = await startSandbox(...args);
  open.push(sandbox);
  return sandbox;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

describe('the sandbox server', () => {
  it('listens on 127.0.0.1 on a free port', async () => {
    const sandbox = await sandboxWith();

    expect(sandbox.port).toBeGreaterThan(0);
    expect(sandbox.origin).toBe(`http://127.0.0.1:${sandbox.port}`);
  });

  it('answers 400 THE API YOU WANT TO CONSULT DOES NOT EXIST to any other path, in the style of its product', async () => {
    const sandbox = await sandboxWith();
    const headers = { 'Wolkvox-Token': SANDBOX_TOKEN };

    const crm = await send(`${sandbox.origin}/server/API/v2/cases/insertt.php`, { method: 'POST', headers });
    const manager = await send(`${sandbox.origin}/api/v2/campaign.php?api=add_records`, {
      method: 'POST',
      headers,
    });
    const root = await send(`${sandbox.origin}/`);

    expect(crm.status).toBe(400);
    expect(crm.body).toEqual(crmFailure(400, WOLKVOX_MESSAGES.apiDoesNotExist));
    expect(manager.status).toBe(400);
    expect(manager.body).toEqual(managerFailure(400, WOLKVOX_MESSAGES.apiDoesNotExist));
    expect(root.body).toEqual(crmFailure(400, WOLKVOX_MESSAGES.apiDoesNotExist));
  });

  it('reads the token header whatever its case', async () => {
    const sandbox = await sandboxWith();

    const answer = await send(`${sandbox.origin}/server/API/v2/token/tokenInformation.php?operation=demo`, {
      headers: { 'WOLKVOX-TOKEN': SANDBOX_TOKEN },
    });

    expect(answer.status).toBe(200);
  });

  it('serves the seeded operation, users, contacts, custom fields and campaigns by default', async () => {
    const sandbox = await sandboxWith();

    const answer = await postCase(sandbox, {
      operation: SANDBOX_DEFAULTS.operation,
      'case-type': 'Claims',
      responsible: SANDBOX_DEFAULTS.users[0],
      owner: SANDBOX_DEFAULTS.users[1],
      contact: SANDBOX_DEFAULTS.contacts[9],
      description: 'Reclamo por demora',
      status: 'pending',
      priority: 'urgent',
      form: JSON.stringify(Object.fromEntries(SANDBOX_DEFAULTS.customFields.map((name) => [name, 'x']))),
    });

    expect(answer.status).toBe(200);
  });

  it('takes its CRM from the options', async () => {
    const sandbox = await sandboxWith({
      operation: 'acme',
      users: ['u@acme'],
      contacts: ['c@acme.test'],
      customFields: ['Sede'],
    });

    const answer = await postCase(sandbox, {
      ...VALID_CASE,
      operation: 'acme',
      responsible: 'u@acme',
      owner: 'u@acme',
      contact: 'c@acme.test',
      form: '{"Sede":"Norte"}',
    });
    const seededUser = await postCase(sandbox, {
      ...VALID_CASE,
      operation: 'acme',
      owner: 'u@acme',
      contact: 'c@acme.test',
    });

    expect(answer.status).toBe(200);
    expect(seededUser.body).toEqual(
      crmFailure(
        404,
        WOLKVOX_MESSAGES.review,
        'THE RESPONSIBLE USER (ana.gomez@demo) DOES NOT EXIST IN THE OPERATION',
      ),
    );
  });

  it('tells when a request starts (holding a slot) and how it ended, without the token', async () => {
    const events: SandboxEvent[] = [];
    const sandbox = await sandboxWith({ onEvent: (event) => events.push(event) });

    await postCase(sandbox);
    await postCase(sandbox, VALID_CASE, { token: null });

    expect(events).toEqual([
      { type: 'request-start', endpoint: 'cases-insert', inFlight: 1 },
      {
        type: 'request-end',
        method: 'POST',
        path: '/server/API/v2/cases/insert.php',
        status: 200,
        outcome: 'answered',
      },
      {
        type: 'request-end',
        method: 'POST',
        path: '/server/API/v2/cases/insert.php',
        status: 401,
        outcome: 'answered',
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(SANDBOX_TOKEN);
  });

  it('never keeps the token in what it accepted', async () => {
    const sandbox = await sandboxWith();

    await postCase(sandbox);

    expect(JSON.stringify(sandbox.accepted())).not.toContain(SANDBOX_TOKEN);
  });

  it("behind a front door keeps no records, and answers as a test's sandbox does", async () => {
    const kept = await sandboxWith();
    const unkept = await sandboxWith({ keepAccepted: false });

    const answers = [];
    for (const sandbox of [kept, unkept]) answers.push(await postCase(sandbox), await postCase(sandbox));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers[2]?.body).toEqual(answers[0]?.body);
    expect(answers[3]?.body).toEqual(answers[1]?.body);
    expect(answers[1]?.body).not.toEqual(answers[0]?.body);
    expect(kept.accepted().cases).toHaveLength(2);
    expect(() => unkept.accepted()).toThrow(/keeps no records/);
  });

  it('holds answers for as long as the latency says', async () => {
    const sandbox = await sandboxWith({ latencyMs: 3_600_000 });
    const request = postCase(sandbox);
    await sandbox.whenInFlight(1);

    sandbox.setLatency(0);
    const later = await crmTokenInfo(sandbox);
    await sandbox.close();

    expect(later.status).toBe(200);
    await expect(request).rejects.toThrow();
    expect(sandbox.accepted().cases).toEqual([]);
  });

  it('closes promptly with a hung request, dropping it', async () => {
    const sandbox = await sandboxWith();
    sandbox.inject('slow');
    const hung = postCase(sandbox);
    await sandbox.whenInFlight(1);

    await sandbox.close();

    await expect(hung).rejects.toThrow();
    expect(sandbox.accepted().cases).toEqual([]);
  });

  it('closes promptly with held answers, and closing twice is harmless', async () => {
    const sandbox = await sandboxWith();
    sandbox.holdAnswers();
    const held = crmTokenInfo(sandbox);
    await sandbox.whenInFlight(1);

    await Promise.all([sandbox.close(), sandbox.close()]);

    await expect(held).rejects.toThrow();
  });

  it('refuses to start on a port already taken', async () => {
    const first = await sandboxWith();

    await expect(startSandbox({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('refuses negative knobs', async () => {
    const sandbox = await sandboxWith();

    expect(() => sandbox.setLatency(-1)).toThrow(RangeError);
    expect(() => sandbox.setLicenseCap(Number.NaN)).toThrow(RangeError);
    await expect(startSandbox({ jitterMs: -5 })).rejects.toThrow(RangeError);
  });
});
