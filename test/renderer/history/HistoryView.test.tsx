import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { FakeBridge } from '../../support/fake-engine';
import { renderApp } from '../render-app';

const user = userEvent.setup({ delay: null });

describe('History', () => {
  it('lists past jobs newest first with their outcome, and resumes or retries from there', async () => {
    const bridge = new FakeBridge();
    const older = bridge.addJob(
      { ok: 90, failed: 10, uncertain: 0 },
      { createdAt: '2026-03-01T10:00:00.000Z', fileName: 'marzo.csv' },
    );
    const stopped = bridge.addJob(
      { ok: 5, failed: 0, uncertain: 0 },
      {
        status: 'stopped',
        total: 20,
        pending: 15,
        createdAt: '2026-03-10T10:00:00.000Z',
        fileName: 'abril.csv',
      },
    );
    const resumeJob = vi.spyOn(bridge, 'resumeJob');
    const retryJob = vi.spyOn(bridge, 'retryJob');
    renderApp(bridge);
    await user.click(await screen.findByTestId('nav-history'));

    const rows = await screen.findAllByTestId('history-row');
    expect(rows.map((row) => row.dataset.jobId)).toEqual([stopped.jobId, older.jobId]);
    expect(within(rows[1] as HTMLElement).getByText('90 ok · 10 failed · 0 uncertain of 100')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).queryByTestId('history-retry')).toBeNull();
    expect(within(rows[1] as HTMLElement).queryByTestId('history-resume')).toBeNull();

    await user.click(within(rows[1] as HTMLElement).getByTestId('history-retry'));
    await waitFor(() =>
      expect(retryJob).toHaveBeenCalledWith({ jobId: older.jobId, includeUncertain: false }),
    );
    expect(await screen.findByTestId('run-screen')).toBeTruthy();

    await user.click(screen.getByTestId('nav-history'));
    await user.click(
      within((await screen.findAllByTestId('history-row'))[0] as HTMLElement).getByTestId('history-resume'),
    );
    await waitFor(() => expect(resumeJob).toHaveBeenCalledWith({ jobId: stopped.jobId }));
  });

  it('opens a finished job on its results', async () => {
    const bridge = new FakeBridge();
    bridge.addJob({ ok: 3, failed: 1, uncertain: 0 });
    renderApp(bridge);
    await user.click(await screen.findByTestId('nav-history'));
    await user.click(await screen.findByTestId('history-open'));
    expect(await screen.findByTestId('results-screen')).toBeTruthy();
    expect(screen.getByTestId('step-results').getAttribute('aria-current')).toBe('step');
  });

  it('shows a job another process started while History is open, without reopening it', async () => {
    const bridge = new FakeBridge();
    const earlier = bridge.addJob(
      { ok: 3, failed: 0, uncertain: 0 },
      { createdAt: '2026-03-01T10:00:00.000Z' },
    );
    renderApp(bridge);
    await user.click(await screen.findByTestId('nav-history'));
    expect((await screen.findAllByTestId('history-row')).map((row) => row.dataset.jobId)).toEqual([
      earlier.jobId,
    ]);

    const terminal = bridge.addJob(
      { ok: 0, failed: 0, uncertain: 0 },
      { status: 'running', total: 10, pending: 10, createdAt: '2026-03-02T10:00:00.000Z' },
    );
    bridge.emit({ type: 'job-listed', summary: terminal });
    await waitFor(() =>
      expect(screen.getAllByTestId('history-row').map((row) => row.dataset.jobId)).toEqual([
        terminal.jobId,
        earlier.jobId,
      ]),
    );
  });
});
