import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { FakeBridge } from '../../support/fake-engine';
import { renderApp } from '../render-app';

const user = userEvent.setup({ delay: null });

async function fillNewConnection() {
  await user.click(await screen.findByTestId('connection-new'));
  await user.type(screen.getByTestId('connection-name'), 'CRM ventas');
  await user.type(screen.getByTestId('connection-server'), 'crm0001.wolkvox.com');
  await user.type(screen.getByTestId('connection-operation'), 'ventas');
  await user.type(screen.getByTestId('connection-token'), 's3cr3t-token');
}

describe('Connect step', () => {
  it('sends a new token once, then shows it only as saved', async () => {
    const bridge = new FakeBridge();
    const saveConnection = vi.spyOn(bridge, 'saveConnection');
    renderApp(bridge);
    await fillNewConnection();
    await user.click(screen.getByTestId('connection-save'));

    await waitFor(() => expect(screen.getByTestId('connection-token-saved').textContent).toBe('•••• saved'));
    expect(saveConnection).toHaveBeenCalledTimes(1);
    expect(saveConnection.mock.calls[0]?.[0]).toEqual({
      connection: {
        id: expect.stringMatching(/^c-[0-9a-f]{24}$/),
        name: 'CRM ventas',
        target: 'wolkvox-crm-cases',
        server: 'crm0001.wolkvox.com',
        operation: 'ventas',
      },
      token: 's3cr3t-token',
    });
    expect(screen.queryByTestId('connection-token')).toBeNull();
    expect(document.body.textContent).not.toContain('s3cr3t-token');

    // Testing a saved connection sends no token again.
    await user.click(screen.getByTestId('connection-test'));
    const quota = await screen.findByTestId('connection-quota');
    expect(within(quota).getByTestId('quota-limit').textContent).toContain('4,800');
    expect(within(quota).getByTestId('quota-remaining').textContent).toContain('4,680');
    expect(bridge.inputsOf('saveConnection').map((input) => input.token)).toEqual(['s3cr3t-token']);
  });

  it('asks for the fields of the chosen destination', async () => {
    renderApp(new FakeBridge());
    await user.click(await screen.findByTestId('connection-new'));
    expect(screen.getByTestId('connection-operation')).toBeTruthy();
    await user.click(screen.getByTestId('connection-target'));
    await user.click(await screen.findByRole('option', { name: 'wolkvox Manager: campaign' }));
    expect(screen.queryByTestId('connection-operation')).toBeNull();
    expect(screen.getByTestId('connection-campaignId')).toBeTruthy();
    expect(screen.getByTestId('connection-campaignType')).toBeTruthy();
    expect(screen.getByTestId('connection-campaignStatus')).toBeTruthy();
  });

  it('shows the engine’s explanation when the server is refused', async () => {
    const bridge = new FakeBridge();
    vi.spyOn(bridge, 'saveConnection').mockRejectedValueOnce(
      new CargaError(
        msg('crm.server.path', {
          server: 'crm0001.wolkvox.com/server',
          path: '/server',
          suggestion: 'crm0001.wolkvox.com',
        }),
      ),
    );
    renderApp(bridge);
    await fillNewConnection();
    await user.click(screen.getByTestId('connection-save'));
    expect((await screen.findByTestId('connection-error')).textContent).toBe(
      '"crm0001.wolkvox.com/server" includes a path (/server). Carga builds the full address for you: type only the server, crm0001.wolkvox.com',
    );
    // Nothing was saved: the token is still in the form to try again.
    expect((screen.getByTestId('connection-token') as HTMLInputElement).value).toBe('s3cr3t-token');
  });

  it('goes on to the File step with the sandbox, which needs no token', async () => {
    renderApp(new FakeBridge());
    await screen.findByTestId('connection-sandbox-badge');
    expect(screen.queryByTestId('connection-token')).toBeNull();
    await user.click(screen.getByTestId('wizard-next'));
    expect(await screen.findByTestId('file-screen')).toBeTruthy();
  });
});
