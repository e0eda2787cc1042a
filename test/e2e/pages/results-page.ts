import type { Locator, Page } from 'playwright-core';

import type { JobStatus, ReportFormat, ReportKind, RowOutcome } from '../../../shared/contract';
import { chooseOption } from './mantine-select';

/** The Results step: counters, the failures chart, filters, the virtualized table with inline
 * fixes, retry and the exports. */
export class ResultsPage {
  readonly screen: Locator;
  readonly ok: Locator;
  readonly failed: Locator;
  readonly uncertain: Locator;
  readonly classFilter: Locator;
  readonly textFilter: Locator;
  readonly count: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly retryFailed: Locator;
  readonly retryCorrected: Locator;
  readonly retryUncertain: Locator;
  /** The row shown in full beside the list. */
  readonly panel: Locator;
  /** The name the browser was told to save the last export under. */
  lastDownloadName = '';

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('results-screen');
    this.ok = page.getByTestId('results-ok');
    this.failed = page.getByTestId('results-failed');
    this.uncertain = page.getByTestId('results-uncertain');
    this.classFilter = page.getByTestId('results-filter-class');
    this.textFilter = page.getByTestId('results-filter-text');
    this.count = page.getByTestId('results-count');
    this.table = page.getByTestId('results-table');
    this.rows = page.getByTestId('results-row');
    this.retryFailed = page.getByTestId('results-retry-failed');
    this.retryCorrected = page.getByTestId('results-retry-corrected');
    this.panel = page.getByTestId('results-panel');
    this.retryUncertain = page.getByTestId('results-retry-uncertain');
  }

  async waitForStatus(status: JobStatus): Promise<void> {
    await this.page
      .locator(`[data-testid="results-screen"][data-status="${status}"]`)
      .waitFor({ state: 'visible' });
  }

  /** Resolves when the table holds exactly `total` rows for the current filter, all loaded. */
  async waitForTotal(total: number): Promise<void> {
    await this.page
      .locator(`[data-testid="results-table"][data-total="${total}"][aria-busy="false"]`)
      .waitFor({ state: 'attached' });
  }

  chart(failureClass: string): Locator {
    return this.page.getByTestId(`results-chart-${failureClass}`);
  }

  /** The chip's visible label: its checkbox (which carries the test id) is hidden. */
  outcomeChip(outcome: RowOutcome): Locator {
    return this.page
      .locator('.mantine-Chip-root', { has: this.page.getByTestId(`results-filter-outcome-${outcome}`) })
      .locator('label');
  }

  row(rowNumber: number): Locator {
    return this.page.locator(`[data-testid="results-row"][data-row="${rowNumber}"]`);
  }

  explanation(rowNumber: number): Locator {
    return this.row(rowNumber).getByTestId('results-explanation');
  }

  cell(rowNumber: number, column: string): Locator {
    return this.page.locator(
      `[data-testid="results-cell"][data-row="${rowNumber}"][data-column="${column}"]`,
    );
  }

  /** Rows shown, as [row number, outcome], in order. */
  async shownRows(): Promise<[number, string][]> {
    const rows = await this.rows.all();
    return Promise.all(
      rows.map(async (row): Promise<[number, string]> => [
        Number(await row.getAttribute('data-row')),
        (await row.getAttribute('data-outcome')) ?? '',
      ]),
    );
  }

  /** Filters by kind of failure; `label` is the kind's name in the operator's language. */
  async filterByKind(label: string): Promise<void> {
    await chooseOption(this.page, this.classFilter, label);
    // The MultiSelect keeps its dropdown open for more choices.
    await this.page.keyboard.press('Escape');
  }

  /** Takes the last chosen kind off the filter, from the keyboard (Backspace on an empty search). */
  async removeLastKind(): Promise<void> {
    await this.classFilter.focus();
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.press('Escape');
  }

  /** Fixes one cell as an operator does: click it, type, Enter. Resolves once the engine recorded it. */
  async fixCell(rowNumber: number, column: string, value: string): Promise<void> {
    await this.cell(rowNumber, column).click();
    const input = this.page.getByTestId('results-cell-input');
    await input.fill(value);
    await input.press('Enter');
    await this.page
      .locator(`[data-testid="results-cell"][data-row="${rowNumber}"][data-column="${column}"]`, {
        hasText: value,
      })
      .waitFor({ state: 'visible' });
  }

  /** Opens a row in full in the panel beside the list, and waits for it. */
  async openRow(rowNumber: number): Promise<Locator> {
    await this.row(rowNumber).getByTestId('results-details-open').click();
    const panel = this.page.locator(`[data-testid="results-panel"][data-row="${rowNumber}"]`);
    await panel.waitFor({ state: 'visible' });
    return panel;
  }

  /** Exports a report from the menu as an operator does in the browser: it downloads. Resolves to
   * where the browser saved it; the name it was offered is kept in `lastDownloadName`. */
  async export(kind: ReportKind, format: ReportFormat): Promise<string> {
    await this.page.getByTestId('results-export').click();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`results-export-${kind}-${format}`).click();
    const file = await download;
    this.lastDownloadName = file.suggestedFilename();
    const path = await file.path();
    await this.page
      .getByTestId('results-export-downloaded')
      .filter({ hasText: this.lastDownloadName })
      .waitFor({ state: 'visible' });
    return path;
  }
}
