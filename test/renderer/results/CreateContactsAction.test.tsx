import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { FakeBridge, FILE_COLUMNS, SANDBOX } from '../../support/fake-engine';
import { renderAt } from '../render-app';

const user = userEvent.setup({ delay: null });

function openResults(bridge: FakeBridge, lang: 'en' | 'es' = 'en') {
  const job = bridge.addJob({ ok: 3, failed: 5, uncertain: 0 });
  renderAt(
    bridge,
    { step: 'results', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId },
    lang,
  );
  return job;
}

describe('Results: create the missing contacts', () => {
  it('is not offered when no case failed for a missing contact', async () => {
    const bridge = new FakeBridge();
    openResults(bridge);
    await screen.findByTestId('results-retry-failed');
    await waitFor(() => expect(screen.getByTestId('results-screen').dataset.status).toBe('finished'));
    expect(screen.queryByTestId('results-create-contacts')).toBeNull();
  });

  it('offers the suggested columns, asks for the e-mail or the ID, then follows the retry on the Run step', async () => {
    const bridge = new FakeBridge();
    const job = bridge.addJob({ ok: 3, failed: 5, uncertain: 0 });
    bridge.missingContacts.set(job.jobId, {
      cases: 4,
      contacts: 3,
      columns: FILE_COLUMNS,
      suggested: { emailcontact: 'Correo' },
    });
    renderAt(bridge, { step: 'results', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId });

    const button = await screen.findByTestId('results-create-contacts');
    expect(button.textContent).toBe('Create the missing contacts (4 cases)');
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Create the missing contacts' });
    expect(within(dialog).getByTestId('create-contacts-emailcontact')).toHaveProperty('value', 'Correo');
    const confirm = within(dialog).getByTestId('create-contacts-confirm');
    expect(confirm.textContent).toBe('Create 3 contacts and retry');

    // Without the e-mail nor the ID the cases could not name the new contacts.
    await user.click(within(dialog).getByTestId('create-contacts-emailcontact'));
    await user.click(await screen.findByRole('option', { name: 'Not sent' }));
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'Choose the column of the e-mail or of the ID',
    );
    expect(confirm).toHaveProperty('disabled', true);

    await user.click(within(dialog).getByTestId('create-contacts-idcontact'));
    await user.click(await screen.findByRole('option', { name: 'Correo' }));
    await user.click(within(dialog).getByTestId('create-contacts-namecontact'));
    await user.click(await screen.findByRole('option', { name: 'Asunto' }));
    await user.click(confirm);
    await waitFor(() =>
      expect(bridge.inputsOf('createMissingContacts')).toEqual([
        { jobId: job.jobId, columns: { idcontact: 'Correo', namecontact: 'Asunto' } },
      ]),
    );

    const contactsJob = [...bridge.jobs.values()].find((each) => each.target === 'wolkvox-crm-records')!;
    bridge.emit({
      type: 'job-notice',
      jobId: contactsJob.jobId,
      notice: { code: 'contacts.retrying', params: { contacts: 3, cases: 4, caseJobId: job.jobId } },
    });
    expect((await screen.findByTestId('create-contacts-notice')).textContent).toBe(
      `3 contacts now exist in the CRM: their 4 cases are being retried (job ${job.jobId}).`,
    );
    bridge.emit({ type: 'job-status', jobId: job.jobId, status: 'running' });
    await screen.findByTestId('run-screen');
  });

  it('speaks Spanish', async () => {
    const bridge = new FakeBridge();
    const job = bridge.addJob({ ok: 0, failed: 1, uncertain: 0 });
    bridge.missingContacts.set(job.jobId, { cases: 1, contacts: 1, columns: FILE_COLUMNS, suggested: {} });
    renderAt(
      bridge,
      { step: 'results', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId },
      'es',
    );
    const button = await screen.findByTestId('results-create-contacts');
    expect(button.textContent).toBe('Crear los contactos que faltan (1 caso)');
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Crear los contactos que faltan' });
    expect(within(dialog).getByTestId('create-contacts-confirm').textContent).toBe(
      'Crear 1 contacto y reintentar',
    );
    expect(within(dialog).getByRole('alert').textContent).toContain('Elija la columna del correo');
  });
});
