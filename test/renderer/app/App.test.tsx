import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { FakeBridge } from '../../support/fake-engine';
import { renderApp } from '../render-app';

describe('App', () => {
  it('starts on Connect with the embedded sandbox preselected and signals it is ready', async () => {
    renderApp(new FakeBridge());
    expect(await screen.findByTestId('connect-screen')).toBeTruthy();
    await waitFor(() => expect(document.body.dataset.ready).toBe('true'));
    expect(screen.getByTestId('connection-sandbox-badge').textContent).toBe('Sandbox');
    expect((screen.getByTestId('connection-select') as HTMLInputElement).value).toBe('Sandbox · wolkvox CRM');
    // The sandbox is used as it is: nothing to fill, save or type.
    expect(screen.getByTestId('connection-server')).toHaveProperty('disabled', true);
    expect(screen.queryByTestId('connection-save')).toBeNull();
    expect(screen.queryByTestId('connection-token')).toBeNull();
    expect(screen.getByTestId('step-connect').getAttribute('aria-current')).toBe('step');
  });

  it('opens a job that is still running on its Run screen', async () => {
    const bridge = new FakeBridge();
    const job = bridge.addJob(
      { ok: 10, failed: 0, uncertain: 0 },
      { status: 'running', total: 50, pending: 40 },
    );
    renderApp(bridge);
    const run = await screen.findByTestId('run-screen');
    await waitFor(() => expect(run.dataset.status).toBe('running'));
    expect(within(screen.getByTestId('run-ok')).getByText('10')).toBeTruthy();
    expect(bridge.jobs.get(job.jobId)?.status).toBe('running');
  });

  it('follows the language switch, <html lang> included', async () => {
    renderApp(new FakeBridge(), 'en');
    expect(await screen.findByRole('heading', { name: 'Connect' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await userEvent.click(screen.getByText('ES'));
    expect(await screen.findByRole('heading', { name: 'Conectar' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');
    expect(localStorage.getItem('carga.lang')).toBe('es');
  });

  it('shows History from the header at any time', async () => {
    const bridge = new FakeBridge();
    bridge.addJob({ ok: 5, failed: 2, uncertain: 1 });
    renderApp(bridge);
    await userEvent.click(await screen.findByTestId('nav-history'));
    const rows = await screen.findAllByTestId('history-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dataset.status).toBe('finished');
  });
});
