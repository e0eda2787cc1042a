import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { msg } from '../../../shared/messages/catalog';
import { FakeBridge, SANDBOX } from '../../support/fake-engine';
import { renderApp, renderAt } from '../render-app';

const user = userEvent.setup({ delay: null });

/** The instant the fake engine's token quota turns over (its `testConnection` answer). */
const RESET = '2026-03-15T05:00:00.000Z';

// Bogotá (UTC−5, no summer time): the reset is at midnight there, 05:00 in UTC.
beforeAll(() => {
  vi.stubEnv('TZ', 'America/Bogota');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

async function connectResetText(lang: 'en' | 'es'): Promise<string> {
  const view = renderApp(new FakeBridge(), lang);
  await user.click(await screen.findByTestId('connection-test', {}, { timeout: 5000 }));
  const quota = await screen.findByTestId('connection-quota');
  const text = within(quota).getByTestId('quota-resets').querySelectorAll('p')[1]?.textContent ?? '';
  view.unmount();
  return text;
}

describe('a quota reset, on every screen', () => {
  it('reads as the same instant on Connect, Run and Results, in the operator’s language and time zone, never as ISO text', async () => {
    for (const lang of ['en', 'es'] as const) {
      const reset = await connectResetText(lang);
      if (lang === 'en') expect(reset).toMatch(/^Sun, Mar 15, 12:00\s?AM$/);
      else expect(reset).toMatch(/^dom\.?, 15 mar\.?,? 00:00$/);

      // Run: the job waits for that reset; the notice and the time left name it alike.
      const bridge = new FakeBridge();
      const job = bridge.addJob(
        { ok: 3, failed: 2, uncertain: 0 },
        {
          status: 'waiting-quota',
          total: 12,
          pending: 7,
          reason: msg('job.quota-reached', { resetsAt: RESET }),
        },
      );
      const run = renderAt(
        bridge,
        { step: 'run', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId },
        lang,
      );
      const reason = await screen.findByTestId('run-reason', {}, { timeout: 5000 });
      expect(reason.textContent).toContain(reset);
      expect(screen.getByTestId('run-eta').textContent).toContain(reset);
      expect(document.body.textContent).not.toContain('2026-03-15T');
      run.unmount();

      // Results: the quota a retry needs names the same reset. (Another engine: with a job
      // waiting, the app would open on it.)
      const other = new FakeBridge();
      const ended = other.addJob({ ok: 0, failed: 3, uncertain: 0 });
      const results = renderAt(
        other,
        { step: 'results', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: ended.jobId },
        lang,
      );
      await screen.findByTestId('results-screen', {}, { timeout: 5000 });
      act(() =>
        other.emit({
          type: 'job-progress',
          progress: {
            jobId: ended.jobId,
            status: 'finished',
            total: 3,
            ok: 0,
            failed: 3,
            uncertain: 0,
            pending: 0,
            skipped: 0,
            requests: 3,
            rate: 0,
            etaSeconds: null,
            quotaLeft: 0,
            dailyQuota: 100,
            quotaResetsAt: RESET,
          },
        }),
      );
      expect((await screen.findByTestId('results-retry-estimate-failed')).textContent).toContain(reset);
      expect(document.body.textContent).not.toContain('2026-03-15T');
      results.unmount();
    }
  });
});
