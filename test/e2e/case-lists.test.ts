/**
 * The wolkvox CRM's own case statuses and priorities (issue 9): typed into the connection form
 * with the keyboard only, named for a screen reader, kept with the connection on disk (no secret),
 * and shown read-only for the sandbox, whose CRM has them.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { axeViolations, blocking, describeViolations } from './axe';
import { launchApp, type E2eApp } from './harness';
import { AppPage } from './pages/app-page';
import { ConnectPage } from './pages/connect-page';
import { chooseOption } from './pages/mantine-select';

let app: E2eApp | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

describe('extra case statuses and priorities in the Connect step', () => {
  it('are typed by keyboard, announced by name, saved with the connection and shown again', async () => {
    app = await launchApp({ lang: 'es' });
    const { page } = app;
    await new AppPage(page).waitUntilReady();
    const connect = new ConnectPage(page);
    await connect.sandboxBadge.waitFor({ state: 'visible' });

    // The sandbox's CRM has values beyond the built-in ones: shown, not editable.
    const sandboxStatuses = page.getByRole('textbox', { name: 'Estados de caso adicionales (opcional)' });
    expect(await sandboxStatuses.isDisabled()).toBe(true);
    expect(await sandboxStatuses.inputValue()).toBe('pending, in progress');

    await page.getByTestId('connection-new').click();
    await page.getByTestId('connection-name').fill('CRM soporte');
    await page.getByTestId('connection-server').fill('crm0001.wolkvox.com');
    await page.getByTestId('connection-operation').fill('soporte');
    await page.getByTestId('connection-token').fill('token-de-prueba');
    // Keyboard only: Tab reaches the field, Enter adds each value.
    await page.getByTestId('connection-operation').focus();
    await page.keyboard.press('Tab');
    const statuses = page.getByRole('combobox', { name: 'Estados de caso adicionales (opcional)' });
    await expect
      .poll(() => page.evaluate('document.activeElement?.dataset?.testid'))
      .toBe('connection-extraStatuses');
    await page.keyboard.type('in progress');
    await page.keyboard.press('Enter');
    await page.keyboard.type('escalado');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('urgent');
    await page.keyboard.press('Enter');
    const description = await statuses.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${description?.split(' ')[0]}"]`).textContent()).toContain(
      'además de open y closed',
    );

    const violations = blocking(await axeViolations(page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await app.screenshot('connect-extra-statuses');

    await page.getByTestId('connection-save').click();
    await expect
      .poll(async () => (await app!.engine.listConnections()).find((c) => c.name === 'CRM soporte'))
      .toMatchObject({ extraStatuses: ['in progress', 'escalado'], extraPriorities: ['urgent'] });

    // Read back from disk after a reload: the values are there, each as its own item.
    await page.reload();
    await new AppPage(page).waitUntilReady();
    await connect.screen.waitFor({ state: 'visible' });
    await chooseOption(page, connect.select, 'CRM soporte');
    await expect
      .poll(() => page.getByTestId('connect-screen').textContent())
      .toMatch(/in progress[\s\S]*escalado[\s\S]*urgent/);
  });
});
