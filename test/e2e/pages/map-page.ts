import type { Locator, Page } from 'playwright-core';

import { chooseOption } from './mantine-select';

/** The Map step: columns against the target's fields, constants, value maps, date formats, the
 * live sample of what will be sent, templates. */
export class MapPage {
  readonly screen: Locator;
  readonly requiredMissing: Locator;
  readonly rows: Locator;
  readonly sampleRequests: Locator;
  readonly templateName: Locator;
  readonly templateSave: Locator;
  readonly next: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('map-screen');
    this.requiredMissing = page.getByTestId('map-required-missing');
    this.rows = page.getByTestId('map-row');
    this.sampleRequests = page.getByTestId('map-sample-request');
    this.templateName = page.getByTestId('template-name');
    this.templateSave = page.getByTestId('template-save');
    this.next = page.getByTestId('wizard-next');
  }

  /** The select holding the field a column goes to; its value is the field's label. */
  field(column: string): Locator {
    return this.page.getByTestId(`map-field-${column}`);
  }

  confidence(column: string): Locator {
    return this.page.getByTestId(`map-confidence-${column}`);
  }

  customName(column: string): Locator {
    return this.page.getByTestId(`map-custom-${column}`);
  }

  dateFormat(field: string): Locator {
    return this.page.getByTestId(`map-date-${field}`);
  }

  /** The value sent for `from` in a system field's value map. */
  mappedValue(field: string, from: string): Locator {
    return this.page.getByTestId(`map-value-${field}-${from}`);
  }

  async mapTo(column: string, optionLabel: string): Promise<void> {
    await chooseOption(this.page, this.field(column), optionLabel);
  }

  /** Sends the column to the custom field of the same name (`form.<column>`), or to `name`. */
  async mapToCustom(column: string, customOptionLabel: string, name?: string): Promise<void> {
    await this.mapTo(column, customOptionLabel);
    if (name !== undefined) await this.customName(column).fill(name);
  }

  async setDateFormat(field: string, formatLabel: string): Promise<void> {
    await chooseOption(this.page, this.dateFormat(field), formatLabel);
  }

  async addValueMapping(field: string, from: string, to: string): Promise<void> {
    await this.page.getByTestId(`map-value-new-from-${field}`).fill(from);
    await this.page.getByTestId(`map-value-new-to-${field}`).fill(to);
    await this.page.getByTestId(`map-value-add-${field}`).click();
    await this.mappedValue(field, from).waitFor({ state: 'visible' });
  }

  /** The sample's text once it shows the requests of a mapping that has every required field. */
  async sampleText(): Promise<string> {
    await this.sampleRequests.first().waitFor({ state: 'visible' });
    // The address and the body sent are technical details, behind a disclosure.
    const toggle = this.page.getByTestId('map-sample-details-0-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    return (await this.page.getByTestId('map-sample').textContent()) ?? '';
  }
}
