import type { Locator, Page } from 'playwright-core';

/** The File step: the drop zone (browsing goes through its file input), detection and preview. */
export class FilePage {
  readonly screen: Locator;
  readonly dropzone: Locator;
  readonly input: Locator;
  readonly fileName: Locator;
  readonly detection: Locator;
  readonly preview: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('file-screen');
    this.dropzone = page.getByTestId('file-dropzone');
    this.input = page.getByTestId('file-input');
    this.fileName = page.getByTestId('file-name');
    this.detection = page.getByTestId('file-detection');
    this.preview = page.getByTestId('file-preview');
    this.error = page.getByTestId('file-error');
  }

  /** As if the operator picked the file with Browse: the browser uploads it to the engine. */
  async choose(path: string): Promise<void> {
    await this.input.setInputFiles(path);
  }
}
