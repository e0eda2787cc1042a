import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { FakeBridge, SANDBOX } from '../../support/fake-engine';
import { renderAt } from '../render-app';

const user = userEvent.setup({ delay: null, applyAccept: false });

function openFileStep(bridge: FakeBridge, lang: 'es' | 'en' = 'en') {
  renderAt(bridge, { step: 'file', connectionId: SANDBOX.id, target: SANDBOX.target }, lang);
  return screen.findByTestId('file-screen');
}

const csv = () => new File(['Asunto;Estado\nFactura;Abierto\n'], 'casos.csv', { type: 'text/csv' });

describe('File step', () => {
  it('opens a dropped file and shows the detection, the warnings and the first rows at once', async () => {
    const bridge = new FakeBridge();
    const pathForFile = vi.spyOn(bridge, 'pathForFile');
    await openFileStep(bridge);
    await user.upload(screen.getByTestId('file-input'), csv());

    const preview = await screen.findByTestId('file-preview');
    expect(pathForFile).toHaveBeenCalledTimes(1);
    expect(bridge.inputsOf('openFile')).toEqual([{ path: '/fake/casos.csv' }]);
    expect(
      within(preview)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['#', 'Asunto', 'Estado', 'Prioridad', 'Correo', 'Responsable', 'Ciudad']);
    expect(within(preview).getAllByRole('row')).toHaveLength(4);
    expect((screen.getByTestId('file-encoding') as HTMLInputElement).value).toBe(
      'Windows-1252 (Excel in Spanish)',
    );
    expect((screen.getByTestId('file-delimiter') as HTMLInputElement).value).toBe('Semicolon ( ; )');
    expect((screen.getByTestId('file-header-row') as HTMLInputElement).value).toBe('2');
    expect(screen.getByTestId('file-warnings').textContent).toContain(
      'The header is on row 2; the title rows above it were skipped.',
    );
    expect(screen.getByTestId('wizard-next')).toHaveProperty('disabled', false);
  });

  it('reads the file again with an override of the detection', async () => {
    const bridge = new FakeBridge();
    await openFileStep(bridge);
    await user.upload(screen.getByTestId('file-input'), csv());
    await screen.findByTestId('file-preview');
    await user.click(screen.getByTestId('file-delimiter'));
    await user.click(await screen.findByRole('option', { name: 'Comma ( , )' }));
    await waitFor(() => expect(bridge.inputsOf('openFile')).toHaveLength(2));
    expect(bridge.inputsOf('openFile')[1]).toEqual({ path: '/fake/casos.csv', options: { delimiter: ',' } });
    await waitFor(() =>
      expect((screen.getByTestId('file-delimiter') as HTMLInputElement).value).toBe('Comma ( , )'),
    );
  });

  it('offers a Browse button that opens the same picker', async () => {
    await openFileStep(new FakeBridge());
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    await user.click(screen.getByRole('button', { name: 'Browse…' }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('explains in Spanish why a file cannot be opened', async () => {
    const bridge = new FakeBridge();
    vi.spyOn(bridge, 'openFile').mockRejectedValueOnce(
      new CargaError(msg('file.empty', { name: 'casos.csv' })),
    );
    await openFileStep(bridge, 'es');
    await user.upload(screen.getByTestId('file-input'), csv());
    expect((await screen.findByTestId('file-error')).textContent).toBe(
      'El archivo casos.csv está vacío: no tiene encabezado ni filas.',
    );
    expect(screen.getByTestId('wizard-next')).toHaveProperty('disabled', true);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const bridge = new FakeBridge();
    const pathForFile = vi.spyOn(bridge, 'pathForFile');
    await openFileStep(bridge);
    await user.upload(
      screen.getByTestId('file-input'),
      new File(['%PDF'], 'factura.pdf', { type: 'application/pdf' }),
    );
    expect((await screen.findByTestId('file-error')).textContent).toBe(
      '“factura.pdf” is not a CSV, TXT or XLSX file.',
    );
    expect(pathForFile).not.toHaveBeenCalled();
  });
});
