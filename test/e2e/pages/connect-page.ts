import type { Locator, Page } from 'playwright-core';

/** The Connect step: the saved connections, the form, "Test" and the quota it reads. */
export class ConnectPage {
  readonly screen: Locator;
  readonly select: Locator;
  readonly sandboxBadge: Locator;
  readonly testButton: Locator;
  readonly quota: Locator;
  readonly quotaLimit: Locator;
  readonly quotaUsed: Locator;
  readonly quotaRemaining: Locator;
  readonly error: Locator;
  readonly next: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('connect-screen');
    this.select = page.getByTestId('connection-select');
    this.sandboxBadge = page.getByTestId('connection-sandbox-badge');
    this.testButton = page.getByTestId('connection-test');
    this.quota = page.getByTestId('connection-quota');
    this.quotaLimit = page.getByTestId('quota-limit');
    this.quotaUsed = page.getByTestId('quota-used');
    this.quotaRemaining = page.getByTestId('quota-remaining');
    this.error = page.getByTestId('connection-error');
    this.next = page.getByTestId('wizard-next');
  }

  /** Reads the token's quota; resolves once the quota card shows it. */
  async test(): Promise<void> {
    await this.testButton.click();
    await this.quota.waitFor({ state: 'visible' });
  }
}
