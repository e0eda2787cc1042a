import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { EngineEvent } from '../../../../shared/contract';
import { formatMessage } from '../../../../shared/messages/catalog';
import {
  CAMPAIGN_HEADER,
  CAMPAIGN_TEMPLATE,
  campaignRow,
  CASE_HEADER,
  caseRow,
  TEST_TOKEN,
  useImportFixtures,
  writeCsv,
  type ImportFixture,
} from '../../../support/import-fixture';

/** An engine and a sandbox for one test, closed after it. */
const setup = useImportFixtures();

/** Seven cases in a row whose contacts are new (two of one contact), then one for a known contact. */
function newCustomersFile(dir: string): string {
  const contacts = [
    'a@nuevo.co',
    'b@nuevo.co',
    'c@nuevo.co',
    'A@nuevo.co',
    'd@nuevo.co',
    'e@nuevo.co',
    'f@nuevo.co',
  ];
  const rows = contacts.map((contact, i) => caseRow(i, { 'Correo contacto': contact }));
  return writeCsv(join(dir, 'casos.csv'), CASE_HEADER, [...rows, caseRow(7)]);
}

function notices(fixture: ImportFixture): string[] {
  const seen: string[] = [];
  fixture.engine.onEvent((event: EngineEvent) => {
    if (event.type === 'job-notice') seen.push(formatMessage('en', event.notice));
  });
  return seen;
}

describe('creating the missing contacts of a case job, then retrying those cases', () => {
  it("fails many new customers' cases in a row as rows (not a wrong setup), and plans one contact each", async () => {
    const fixture = await setup();
    const summary = await fixture.run(newCustomersFile(fixture.dir));
    expect(summary).toMatchObject({ status: 'finished', ok: 1, failed: 7, pending: 0 });
    const plan = await fixture.engine.planMissingContacts({ jobId: summary.jobId });
    expect(plan).toMatchObject({ cases: 7, contacts: 6, suggested: { emailcontact: 'Correo contacto' } });
    expect(plan.columns).toEqual(CASE_HEADER);
  });

  it('retries only the cases whose contact now exists; a contacts import that did not finish retries none', async () => {
    const fixture = await setup();
    const said = notices(fixture);
    const cases = await fixture.run(newCustomersFile(fixture.dir));
    const jobId = cases.jobId;

    // No quota left for the contacts: their import waits, and not one case is sent meanwhile.
    fixture.sandbox.setQuota(TEST_TOKEN, 100, 100);
    const started = await fixture.engine.createMissingContacts({
      jobId,
      columns: { emailcontact: 'Correo contacto' },
    });
    expect(started).toMatchObject({ cases: 7, contacts: 6 });
    const waiting = await fixture.engine.settled(started.contactsJob.jobId);
    expect(waiting.status).toBe('waiting-quota');
    expect(said.at(-1)).toContain(`The contacts import ${waiting.jobId} did not finish`);
    expect(await fixture.engine.getJob({ jobId })).toMatchObject({ ok: 1, failed: 7 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(1);

    // After the reset the contacts import is resumed; the action again creates nothing twice.
    fixture.sandbox.setQuota(TEST_TOKEN, 100, 0);
    await fixture.engine.resumeJob({ jobId: waiting.jobId });
    expect(await fixture.engine.settled(waiting.jobId)).toMatchObject({ status: 'finished', ok: 6 });
    expect(fixture.sandbox.accepted().moduleRecords).toHaveLength(6);

    const again = await fixture.engine.createMissingContacts({
      jobId,
      columns: { emailcontact: 'Correo contacto' },
    });
    expect(await fixture.engine.settled(again.contactsJob.jobId)).toMatchObject({ skipped: 6, ok: 0 });
    expect(said.at(-1)).toContain('6 contacts now exist in the CRM: their 7 cases are being retried');
    expect(await fixture.engine.settled(jobId)).toMatchObject({ status: 'finished', ok: 8, failed: 0 });
    expect(fixture.sandbox.accepted().moduleRecords).toHaveLength(6);
    expect(fixture.sandbox.accepted().cases).toHaveLength(8);

    // Nothing is left to create, and a plain retry sends no case again.
    await expect(
      fixture.engine.createMissingContacts({ jobId, columns: { emailcontact: 'Correo contacto' } }),
    ).rejects.toMatchObject({ detail: { code: 'contacts.none-missing' } });
    await fixture.engine.retryJob({ jobId, includeUncertain: true });
    await fixture.engine.settled(jobId);
    expect(fixture.sandbox.accepted().cases).toHaveLength(8);
  });

  it('leaves the cases of a contact that could not be created failed, and retries the others', async () => {
    const fixture = await setup();
    const file = writeCsv(
      join(fixture.dir, 'casos.csv'),
      [...CASE_HEADER, 'Celular'],
      [
        [...caseRow(0, { 'Correo contacto': 'bien@nuevo.co' }), '3001234567'],
        [...caseRow(1, { 'Correo contacto': 'mal@nuevo.co' }), '3.00123E+09'],
      ],
    );
    const cases = await fixture.run(file);
    const started = await fixture.engine.createMissingContacts({
      jobId: cases.jobId,
      columns: { emailcontact: 'Correo contacto', telephonecontact: 'Celular' },
    });
    expect(await fixture.engine.settled(started.contactsJob.jobId)).toMatchObject({ ok: 1, failed: 1 });
    expect(await fixture.engine.settled(cases.jobId)).toMatchObject({ ok: 1, failed: 1 });
    const [left] = (await fixture.engine.listResults({ jobId: cases.jobId, offset: 0, limit: 10 })).rows;
    expect(left?.values['Correo contacto']).toBe('mal@nuevo.co');
    expect(left?.explanation?.code).toMatch(/^crm\.wolkvox\.contact-not-found/);
  });

  it("refuses what it cannot do, with the operator's words", async () => {
    const fixture = await setup();
    const cases = await fixture.run(newCustomersFile(fixture.dir));
    const create = (columns: Record<string, string>) =>
      fixture.engine.createMissingContacts({ jobId: cases.jobId, columns });
    await expect(create({ namecontact: 'Descripción' })).rejects.toMatchObject({
      detail: { code: 'contacts.key-missing' },
    });
    await expect(create({ emailcontact: 'Correo' })).rejects.toMatchObject({
      detail: { code: 'contacts.unknown-column', params: { column: 'Correo' } },
    });
    await expect(
      create({ emailcontact: 'Correo contacto', idcontact: 'Correo contacto' }),
    ).rejects.toMatchObject({
      detail: { code: 'contacts.column-twice' },
    });
    const started = await create({ emailcontact: 'Correo contacto' });
    await expect(create({ emailcontact: 'Correo contacto' })).rejects.toMatchObject({
      detail: { code: 'contacts.underway' },
    });
    await fixture.engine.settled(cases.jobId);
    expect(fixture.sandbox.accepted().moduleRecords).toHaveLength(started.contacts);

    await fixture.engine.saveConnection({
      connection: {
        ...fixture.connection,
        id: 'camp',
        target: 'wolkvox-campaign',
        campaignId: '1001',
        campaignType: 'predictive',
        campaignStatus: 'active',
      },
      token: TEST_TOKEN,
    });
    const campaign = await fixture.run(
      writeCsv(join(fixture.dir, 'campana.csv'), CAMPAIGN_HEADER, [campaignRow(1)]),
      CAMPAIGN_TEMPLATE,
      'camp',
    );
    expect(await fixture.engine.planMissingContacts({ jobId: campaign.jobId })).toMatchObject({ cases: 0 });
    await expect(
      fixture.engine.createMissingContacts({ jobId: campaign.jobId, columns: { emailcontact: 'Nombre' } }),
    ).rejects.toMatchObject({ detail: { code: 'contacts.not-cases' } });
  });
});
