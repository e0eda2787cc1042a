import type { Locator, Page } from 'playwright-core';

export type StepId = 'connect' | 'file' | 'map' | 'check' | 'run' | 'results';

/** The app's frame: the start-up signal, the header and the wizard's stepper. */
export class AppPage {
  readonly stepper: Locator;
  readonly langSwitch: Locator;
  readonly historyNav: Locator;
  readonly wizardNav: Locator;

  constructor(readonly page: Page) {
    this.stepper = page.locator('.mantine-Stepper-root');
    this.langSwitch = page.getByTestId('lang-switch');
    this.historyNav = page.getByTestId('nav-history');
    this.wizardNav = page.getByTestId('nav-wizard');
  }

  step(id: StepId): Locator {
    return this.page.getByTestId(`step-${id}`);
  }

  /** The renderer sets `data-ready` on <body> once the first screen has its data. */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  }

  /** Closes the notification that mentions `text` (the end of a job names its file), once it
   * shows: it sits over the top right of the screen, where the results' exports are. */
  async closeNotification(text: string): Promise<void> {
    const notification = this.page.locator('.mantine-Notification-root', { hasText: text });
    await notification.locator('.mantine-Notification-closeButton').click();
    await notification.waitFor({ state: 'detached' });
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
