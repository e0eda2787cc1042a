import type { Locator, Page } from 'playwright-core';

/** The History view: past jobs with their outcome; open, resume or retry them. */
export class HistoryPage {
  readonly screen: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('history-screen');
    this.rows = page.getByTestId('history-row');
  }

  row(jobId: string): Locator {
    return this.page.locator(`[data-testid="history-row"][data-job-id="${jobId}"]`);
  }
}
