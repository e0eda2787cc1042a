import type { Locator, Page } from 'playwright-core';

import type { JobStatus } from '../../../shared/contract';

/** The Run step: progress, counters, rate, time and quota left; pause, resume, cancel. */
export class RunPage {
  readonly screen: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly ok: Locator;
  readonly failed: Locator;
  readonly uncertain: Locator;
  readonly pending: Locator;
  readonly rate: Locator;
  readonly eta: Locator;
  readonly quotaLeft: Locator;
  readonly pause: Locator;
  readonly resume: Locator;
  readonly cancel: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('run-screen');
    this.status = page.getByTestId('run-status');
    this.progress = page.getByTestId('run-progress');
    this.ok = page.getByTestId('run-ok');
    this.failed = page.getByTestId('run-failed');
    this.uncertain = page.getByTestId('run-uncertain');
    this.pending = page.getByTestId('run-pending');
    this.rate = page.getByTestId('run-rate');
    this.eta = page.getByTestId('run-eta');
    this.quotaLeft = page.getByTestId('run-quota-left');
    this.pause = page.getByTestId('run-pause');
    this.resume = page.getByTestId('run-resume');
    this.cancel = page.getByTestId('run-cancel');
    this.results = page.getByTestId('run-results');
  }

  /** Resolves when the run screen shows the job in `status`. */
  async waitForStatus(status: JobStatus, timeout?: number): Promise<void> {
    await this.page
      .locator(`[data-testid="run-screen"][data-status="${status}"]`)
      .waitFor({ state: 'visible', ...(timeout ? { timeout } : {}) });
  }
}
