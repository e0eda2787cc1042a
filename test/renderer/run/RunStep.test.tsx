import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { msg } from '../../../shared/messages/catalog';
import { FakeBridge, SANDBOX } from '../../support/fake-engine';
import { renderAt } from '../render-app';

const user = userEvent.setup({ delay: null });

async function openRun(bridge: FakeBridge) {
  const job = bridge.addJob(
    { ok: 0, failed: 0, uncertain: 0 },
    { status: 'running', total: 1000, pending: 1000 },
  );
  renderAt(bridge, { step: 'run', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId });
  const run = await screen.findByTestId('run-screen');
  await waitFor(() => expect(run.dataset.status).toBe('running'));
  return { job, run };
}

describe('Run step', () => {
  it('follows the progress the engine reports', async () => {
    const bridge = new FakeBridge();
    const { job, run } = await openRun(bridge);
    act(() =>
      bridge.emit({
        type: 'job-progress',
        progress: {
          jobId: job.jobId,
          status: 'running',
          total: 1000,
          ok: 600,
          failed: 30,
          uncertain: 2,
          pending: 368,
          skipped: 0,
          requests: 632,
          rate: 12.5,
          etaSeconds: 29,
          quotaLeft: 4168,
        },
      }),
    );
    expect(run.dataset.status).toBe('running');
    expect(screen.getByTestId('run-ok').dataset.value).toBe('600');
    expect(screen.getByTestId('run-failed').dataset.value).toBe('30');
    expect(screen.getByTestId('run-uncertain').dataset.value).toBe('2');
    expect(screen.getByTestId('run-pending').dataset.value).toBe('368');
    expect(screen.getByTestId('run-progress').dataset.percent).toBe('63');
    expect(screen.getByTestId('run-rate').textContent).toContain('12.5 rows/s');
    // 368 rows at 12.5 a second, well within today's quota.
    expect(screen.getByTestId('run-eta').textContent).toContain('29 s');
    expect(screen.getByTestId('run-quota-left').textContent).toContain('4,168');
  });

  it('ignores the progress of other jobs', async () => {
    const bridge = new FakeBridge();
    await openRun(bridge);
    act(() =>
      bridge.emit({
        type: 'job-progress',
        progress: {
          jobId: 'another',
          status: 'paused',
          total: 5,
          ok: 5,
          failed: 0,
          uncertain: 0,
          pending: 0,
          skipped: 0,
          requests: 5,
          rate: 1,
          etaSeconds: null,
          quotaLeft: null,
        },
      }),
    );
    expect(screen.getByTestId('run-screen').dataset.status).toBe('running');
    expect(screen.getByTestId('run-ok').dataset.value).toBe('0');
  });

  it('pauses, resumes and cancels after a confirmation', async () => {
    const bridge = new FakeBridge();
    const cancelJob = vi.spyOn(bridge, 'cancelJob');
    const { run } = await openRun(bridge);
    await user.click(screen.getByTestId('run-pause'));
    await waitFor(() => expect(run.dataset.status).toBe('paused'));
    await user.click(screen.getByTestId('run-resume'));
    await waitFor(() => expect(run.dataset.status).toBe('running'));
    await user.click(screen.getByTestId('run-cancel'));
    expect(cancelJob).not.toHaveBeenCalled();
    await user.click(within(await screen.findByRole('dialog')).getByTestId('run-cancel-modal-confirm'));
    await waitFor(() => expect(run.dataset.status).toBe('cancelled'));
    expect(cancelJob).toHaveBeenCalledTimes(1);
  });

  it('follows a job a terminal runs: says who runs it, in the operator’s language, and offers no Pause, Resume or Cancel until it lets go', async () => {
    for (const lang of ['en', 'es'] as const) {
      const bridge = new FakeBridge();
      const job = bridge.addJob(
        { ok: 0, failed: 0, uncertain: 0 },
        { status: 'running', total: 1000, pending: 1000, heldBy: { frontDoor: 'cli', pid: 4242 } },
      );
      const view = renderAt(
        bridge,
        { step: 'run', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId },
        lang,
      );
      // The first render of the whole app can take a while on a busy machine.
      await screen.findByTestId('run-screen', {}, { timeout: 5000 });
      const held = await screen.findByTestId('run-held-by');
      expect(held.textContent).toContain(
        lang === 'en'
          ? 'This import is running in a terminal (the carga command, process 4242)'
          : 'Esta importación se está ejecutando en una terminal (el comando carga, proceso 4242)',
      );
      for (const button of ['run-pause', 'run-resume', 'run-cancel'])
        expect(screen.queryByTestId(button), button).toBeNull();

      // The terminal's pass goes on: its progress shows live, still without this screen's buttons.
      act(() =>
        bridge.emit({
          type: 'job-progress',
          progress: {
            jobId: job.jobId,
            status: 'running',
            total: 1000,
            ok: 400,
            failed: 0,
            uncertain: 0,
            pending: 600,
            skipped: 0,
            requests: 400,
            rate: 20,
            etaSeconds: 30,
            quotaLeft: null,
            heldBy: { frontDoor: 'cli', pid: 4242 },
          },
        }),
      );
      expect(screen.getByTestId('run-ok').dataset.value).toBe('400');
      expect(screen.getByTestId('run-rate').textContent).toMatch(/20/);
      expect(screen.getByTestId('run-eta').textContent).toContain('30 s');
      expect(screen.queryByTestId('run-pause')).toBeNull();

      // Paused in the terminal (Ctrl+C): the terminal let go, the job is this screen's to resume.
      act(() => bridge.emit({ type: 'job-status', jobId: job.jobId, status: 'paused' }));
      expect(screen.queryByTestId('run-held-by')).toBeNull();
      expect(screen.getByTestId('run-resume')).toBeTruthy();
      expect(screen.queryByTestId('run-pause')).toBeNull();
      view.unmount();
    }
  });

  it('says why the job waits, and tells when it ends', async () => {
    const bridge = new FakeBridge();
    const { job, run } = await openRun(bridge);
    act(() =>
      bridge.emit({
        type: 'job-status',
        jobId: job.jobId,
        status: 'waiting-quota',
        reason: msg('crm.wolkvox.token-limit'),
      }),
    );
    expect(run.dataset.status).toBe('waiting-quota');
    expect(screen.getByTestId('run-reason').textContent).toContain('daily request quota is used up');
    expect(screen.getByTestId('run-reason').textContent).toContain(
      'Carga goes on by itself after it resets, at midnight',
    );
    expect(screen.queryByTestId('run-resume')).toBeNull();
    expect(screen.getByTestId('run-pause')).toBeTruthy();

    // The count alongside ends while the job waits: the rows left are told from the total.
    act(() =>
      bridge.emit({
        type: 'job-counted',
        summary: { ...job, status: 'waiting-quota', total: 1500, ok: 0, failed: 0, pending: 1500 },
      }),
    );
    expect(screen.getByTestId('run-eta').textContent).toContain(
      '1,500 rows: they go on after the quota resets',
    );

    act(() =>
      bridge.emit({
        type: 'job-finished',
        summary: { ...job, status: 'finished', ok: 990, failed: 10, pending: 0 },
      }),
    );
    expect(run.dataset.status).toBe('finished');
    expect(await screen.findByText('990 sent, 10 failed, 0 uncertain.')).toBeTruthy();
    await user.click(screen.getByTestId('run-results'));
    expect(await screen.findByTestId('results-screen')).toBeTruthy();
  });
});
