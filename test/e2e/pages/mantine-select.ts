import type { Locator, Page } from 'playwright-core';

/** Picks an option of a Mantine Select or MultiSelect as an operator does: open it, click the
 * option by its label. The options live in a portal, so they are looked up on the page. */
export async function chooseOption(page: Page, input: Locator, label: string): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** The number a `Stat` card carries in `data-value` (its text is formatted for the locale). */
export async function statValue(stat: Locator): Promise<number> {
  return Number(await stat.getAttribute('data-value'));
}
