import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Template } from '../../../shared/contract';
import { FakeBridge, SANDBOX } from '../../support/fake-engine';
import { renderAt } from '../render-app';

const user = userEvent.setup({ delay: null });

async function openAtMap(bridge: FakeBridge) {
  const info = await bridge.openFile({ path: '/fake/casos.csv' });
  renderAt(bridge, {
    step: 'map',
    connectionId: SANDBOX.id,
    target: SANDBOX.target,
    file: { info, options: {} },
  });
  return screen.findByTestId('map-screen');
}

function fieldInput(column: string): HTMLInputElement {
  return screen.getByTestId(`map-field-${column}`) as HTMLInputElement;
}

async function choose(input: HTMLElement, option: string) {
  await user.click(input);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Map step', () => {
  it('applies the engine’s suggestions and shows their confidence', async () => {
    await openAtMap(new FakeBridge());
    expect(fieldInput('Estado').value).toBe('Status *');
    expect(fieldInput('Asunto').value).toBe('Description *');
    expect(fieldInput('Ciudad').value).toBe('Not sent');
    expect(screen.getByTestId('map-confidence-Estado').textContent).toBe('95%');
    expect(screen.getByTestId('map-confidence-Correo').textContent).toBe('60%');
    expect(screen.queryByTestId('map-confidence-Ciudad')).toBeNull();
  });

  it('lets a second column feed the description and says, under both, that they are joined', async () => {
    await openAtMap(new FakeBridge());
    await choose(fieldInput('Ciudad'), 'Description *');

    // The first column keeps the field: a free-text field joins its columns.
    expect(fieldInput('Asunto').value).toBe('Description *');
    const note = 'Joined into Description, one line per column in this order: Asunto, Ciudad';
    for (const column of ['Asunto', 'Ciudad']) {
      const describedBy = fieldInput(column).getAttribute('aria-describedby') ?? '';
      const described = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent);
      expect(described).toContain(note);
    }
    expect(screen.getByTestId('map-warnings').textContent).toContain(
      'Columns Asunto, Ciudad go together to «Description»',
    );
    expect(fieldInput('Estado').getAttribute('aria-describedby') ?? '').not.toContain('description');
  });

  it('makes required fields that nothing fills stand out, and blocks Next until they are', async () => {
    await openAtMap(new FakeBridge());
    const missing = screen.getByTestId('map-required-missing');
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((item) => item.dataset.field),
    ).toEqual(['case-type', 'owner']);
    expect(screen.getByTestId('wizard-next')).toHaveProperty('disabled', true);

    await choose(screen.getByTestId('map-constant-field'), 'Case type');
    await user.type(screen.getByTestId('map-constant-value'), 'Request');
    await user.click(screen.getByTestId('map-constant-add'));
    expect(
      within(screen.getByTestId('map-required-missing'))
        .getAllByRole('listitem')
        .map((item) => item.dataset.field),
    ).toEqual(['owner']);

    await choose(fieldInput('Responsable'), 'Owner *');
    // Responsible lost its column to Owner: it is the one missing now.
    expect(
      within(screen.getByTestId('map-required-missing'))
        .getAllByRole('listitem')
        .map((item) => item.dataset.field),
    ).toEqual(['responsible']);
    await choose(fieldInput('Ciudad'), 'Responsible *');
    await waitFor(() => expect(screen.queryByTestId('map-required-missing')).toBeNull());
    expect(screen.getByTestId('wizard-next')).toHaveProperty('disabled', false);
  });

  it('puts constants, value maps and custom fields into the template that is saved', async () => {
    const bridge = new FakeBridge();
    const saveTemplate = vi.spyOn(bridge, 'saveTemplate');
    await openAtMap(bridge);

    // The built-in Spanish→English map is shown for a mapped system field, and can be changed.
    const status = screen.getByTestId('map-value-map-status');
    expect((within(status).getByTestId('map-value-status-Abierto') as HTMLInputElement).value).toBe('open');
    await user.type(within(status).getByTestId('map-value-new-from-status'), 'Pendiente');
    await user.type(within(status).getByTestId('map-value-new-to-status'), 'open');
    await user.click(within(status).getByTestId('map-value-add-status'));
    expect((within(status).getByTestId('map-value-status-Pendiente') as HTMLInputElement).value).toBe('open');

    await choose(screen.getByTestId('map-constant-field'), 'Case type');
    await user.type(screen.getByTestId('map-constant-value'), 'Claims');
    await user.click(screen.getByTestId('map-constant-add'));

    await choose(fieldInput('Ciudad'), 'Custom field…');
    const customName = screen.getByTestId('map-custom-Ciudad');
    expect((customName as HTMLInputElement).value).toBe('Ciudad');
    await user.clear(customName);
    await user.type(customName, 'Ciudad de residencia');

    await user.clear(screen.getByTestId('template-name'));
    await user.type(screen.getByTestId('template-name'), 'Casos mensuales');
    await user.click(screen.getByTestId('template-save'));

    await waitFor(() => expect(saveTemplate).toHaveBeenCalledTimes(1));
    const saved = saveTemplate.mock.calls[0]?.[0].template as Template;
    expect(saved.name).toBe('Casos mensuales');
    expect(saved.constants).toEqual({ 'case-type': 'Claims' });
    expect(saved.valueMaps).toEqual({ status: { Pendiente: 'open' } });
    expect(saved.columns).toEqual({
      Asunto: 'description',
      Estado: 'status',
      Prioridad: 'priority',
      Correo: 'contact',
      Responsable: 'responsible',
      Ciudad: 'form.Ciudad de residencia',
    });
    expect(saved.connection).toEqual({ server: 'sandbox', operation: 'demo' });
  });

  it('offers a saved template whose columns are all in the file, and applies it', async () => {
    const bridge = new FakeBridge();
    bridge.templates = [
      {
        version: 1,
        name: 'Casos de cobranza',
        target: 'wolkvox-crm-cases',
        connection: {},
        columns: { Asunto: 'solution', Ciudad: 'form.Ciudad', Responsable: 'owner' },
        constants: { 'case-type': 'Claims', responsible: 'cobros@demo' },
        valueMaps: {},
        dateFormats: {},
        file: {},
      },
    ];
    await openAtMap(bridge);
    const offer = await screen.findByTestId('template-offer');
    expect(offer.textContent).toContain('Casos de cobranza');
    await user.click(within(offer).getByTestId('template-offer-apply'));

    expect(screen.queryByTestId('template-offer')).toBeNull();
    expect(fieldInput('Asunto').value).toBe('Solution');
    expect(fieldInput('Estado').value).toBe('Not sent');
    expect((screen.getByTestId('map-custom-Ciudad') as HTMLInputElement).value).toBe('Ciudad');
    expect((screen.getByTestId('map-constant-case-type') as HTMLInputElement).value).toBe('Claims');
    expect((screen.getByTestId('template-name') as HTMLInputElement).value).toBe('Casos de cobranza');
  });

  it('shows what the first rows will send', async () => {
    const bridge = new FakeBridge();
    const previewRequests = vi.spyOn(bridge, 'previewRequests');
    await openAtMap(bridge);
    await choose(screen.getByTestId('map-constant-field'), 'Case type');
    await user.type(screen.getByTestId('map-constant-value'), 'Request');
    await user.click(screen.getByTestId('map-constant-add'));
    await choose(fieldInput('Ciudad'), 'Owner *');
    // The address and the body are technical details, shown when asked for.
    await user.click(await screen.findByTestId('map-sample-details-0-toggle'));
    expect(screen.getByTestId('map-sample-details-0-toggle').getAttribute('aria-expanded')).toBe('true');
    // The sample follows the mapping a moment after the last edit.
    await waitFor(
      () => expect(screen.getByTestId('map-sample-request').textContent).toContain('owner=Cali'),
      { timeout: 3000 },
    );
    expect(screen.getByTestId('map-sample-request').textContent).toContain(
      'POST http://127.0.0.1:1/server/API/v2/cases/insert.php',
    );
    const last = previewRequests.mock.calls.at(-1)?.[0];
    expect(last?.connectionId).toBe('sandbox-cases');
    expect(last?.template.constants).toEqual({ 'case-type': 'Request' });
  });
});
