import type { Locator, Page } from 'playwright-core';

/** The Check step: counts per problem kind, example rows, requests and quota days. */
export class CheckPage {
  readonly screen: Locator;
  readonly total: Locator;
  readonly valid: Locator;
  readonly invalid: Locator;
  readonly requests: Locator;
  readonly quotaDays: Locator;
  readonly examples: Locator;
  readonly start: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('check-screen');
    this.total = page.getByTestId('check-total');
    this.valid = page.getByTestId('check-valid');
    this.invalid = page.getByTestId('check-invalid');
    this.requests = page.getByTestId('check-requests');
    this.quotaDays = page.getByTestId('check-quota-days');
    this.examples = page.getByTestId('check-example');
    this.start = page.getByTestId('start-import');
  }

  kind(code: string): Locator {
    return this.page.getByTestId(`check-kind-${code}`);
  }

  /** Resolves when every row has been checked (`data-state="done"`). */
  async waitUntilDone(): Promise<void> {
    await this.page.locator('[data-testid="check-screen"][data-state="done"]').waitFor({ state: 'visible' });
  }

  /** The figure of a summary card, as shown (formatted for the locale). */
  async figure(stat: Locator): Promise<string> {
    return (await stat.locator('p').last().textContent()) ?? '';
  }

  /** Example rows as [row, kind] pairs, in the order shown. */
  async exampleRows(): Promise<[number, string][]> {
    const rows = await this.examples.all();
    return Promise.all(
      rows.map(async (row): Promise<[number, string]> => [
        Number(await row.getAttribute('data-row')),
        (await row.getAttribute('data-kind')) ?? '',
      ]),
    );
  }
}
