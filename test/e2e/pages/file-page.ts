import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import type { Locator, Page } from 'playwright-core';

/** The File step: the drop zone (browsing goes through its file input), detection and preview. */
export class FilePage {
  readonly screen: Locator;
  readonly dropzone: Locator;
  readonly input: Locator;
  readonly fileName: Locator;
  readonly detection: Locator;
  readonly encoding: Locator;
  readonly delimiter: Locator;
  readonly headerRow: Locator;
  readonly warnings: Locator;
  readonly preview: Locator;
  readonly error: Locator;
  readonly next: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('file-screen');
    this.dropzone = page.getByTestId('file-dropzone');
    this.input = page.getByTestId('file-input');
    this.fileName = page.getByTestId('file-name');
    this.detection = page.getByTestId('file-detection');
    this.encoding = page.getByTestId('file-encoding');
    this.delimiter = page.getByTestId('file-delimiter');
    this.headerRow = page.getByTestId('file-header-row');
    this.warnings = page.getByTestId('file-warnings');
    this.preview = page.getByTestId('file-preview');
    this.error = page.getByTestId('file-error');
    this.next = page.getByTestId('wizard-next');
  }

  /** As if the operator picked the file with Browse: the browser uploads it to the engine. */
  async choose(path: string): Promise<void> {
    await this.input.setInputFiles(path);
  }

  /** As if the operator dragged the file from the desktop onto the drop zone: the same bytes,
   * in a DataTransfer, through dragenter, dragover and drop. */
  async drop(path: string, type = 'text/csv'): Promise<void> {
    const file = { name: basename(path), type, base64: readFileSync(path).toString('base64') };
    const dataTransfer = await this.page.evaluateHandle(({ name, type: mime, base64 }) => {
      // Runs in the page, which has the DOM this Node project is not typed with.
      const page = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new page.DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mime }));
      return transfer;
    }, file);
    for (const event of ['dragenter', 'dragover', 'drop'])
      await this.dropzone.dispatchEvent(event, { dataTransfer });
    await dataTransfer.dispose();
  }

  /** Resolves once the preview of the file named `name` is on screen. */
  async waitForPreview(name: string): Promise<void> {
    await this.page.locator('[data-testid="file-name"]', { hasText: name }).waitFor({ state: 'visible' });
    await this.preview.waitFor({ state: 'visible' });
  }

  /** The preview grid's body cells, row by row. */
  async previewRows(): Promise<string[][]> {
    const rows = await this.preview.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('td').allTextContents()));
  }
}
