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

  it('keeps the CRM’s extra statuses and priorities with the connection, typed by keyboard', async () => {
    const bridge = new FakeBridge();
    const saveConnection = vi.spyOn(bridge, 'saveConnection');
    renderApp(bridge);
    await fillNewConnection();
    const statuses = screen.getByRole('combobox', { name: 'Extra case statuses (optional)' });
    expect(statuses.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(statuses.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent,
    ).toContain('besides open and closed');
    await user.type(statuses, 'in progress{Enter}pending{Enter} PENDING {Enter}');
    await user.type(
      screen.getByRole('combobox', { name: 'Extra case priorities (optional)' }),
      'urgent{Enter}',
    );
    await user.click(screen.getByTestId('connection-save'));

    await waitFor(() => expect(saveConnection).toHaveBeenCalledTimes(1));
    expect(saveConnection.mock.calls[0]?.[0].connection).toMatchObject({
      extraStatuses: ['in progress', 'pending'],
      extraPriorities: ['urgent'],
    });
    // Not a secret: the form shows them back, each as a value of its own.
    expect(screen.getByText('in progress')).toBeTruthy();
    expect(screen.getByText('urgent')).toBeTruthy();
  });

  it('asks for extra statuses only where the destination has them', async () => {
    renderApp(new FakeBridge());
    await user.click(await screen.findByTestId('connection-new'));
    expect(screen.getByTestId('connection-extraStatuses')).toBeTruthy();
    await user.click(screen.getByTestId('connection-target'));
    await user.click(await screen.findByRole('option', { name: 'Thalamus: cases' }));
    expect(screen.queryByTestId('connection-extraStatuses')).toBeNull();
    expect(screen.queryByTestId('connection-extraPriorities')).toBeNull();
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

  it('marks a missing field only once the operator leaves it, or all of them when Next is pressed', async () => {
    renderApp(new FakeBridge());
    await user.click(await screen.findByTestId('connection-new'));
    await user.click(screen.getByTestId('connection-target'));
    await user.click(await screen.findByRole('option', { name: 'wolkvox Manager: campaign' }));
    await user.type(screen.getByTestId('connection-name'), 'Campaña');
    // Six required fields are empty, none marked: nothing was left empty yet.
    expect(screen.queryAllByText('Required')).toHaveLength(0);
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);

    await user.click(screen.getByTestId('connection-server'));
    await user.tab();
    expect(screen.getByTestId('connection-server').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryAllByText('Required')).toHaveLength(1);

    await user.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('connection-server')));
    expect(screen.getByTestId('connection-campaignId').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('connection-token').getAttribute('aria-invalid')).toBe('true');
    // Still on Connect: nothing incomplete was saved.
    expect(screen.getByTestId('connect-screen')).toBeTruthy();
  });

  it('offers Cancel on a new connection, back to the one chosen before', async () => {
    renderApp(new FakeBridge());
    await screen.findByTestId('connection-sandbox-badge');
    expect(screen.queryByTestId('connection-cancel')).toBeNull();
    await user.click(screen.getByTestId('connection-new'));
    await user.type(screen.getByTestId('connection-name'), 'A medias');
    await user.click(screen.getByTestId('connection-cancel'));
    expect(await screen.findByTestId('connection-sandbox-badge')).toBeTruthy();
    expect(screen.queryByTestId('connection-name')).toBeTruthy();
    expect((screen.getByTestId('connection-name') as HTMLInputElement).value).not.toBe('A medias');
  });

  it('resets the sandbox after asking, so a spent quota never blocks a rehearsal', async () => {
    const bridge = new FakeBridge();
    renderApp(bridge);
    await screen.findByTestId('connection-sandbox-badge');
    await user.click(screen.getByTestId('sandbox-reset'));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the sandbox?' });
    // Each button says what it does: no "Cancel" beside a reset.
    expect(within(dialog).getByTestId('sandbox-reset-modal-cancel').textContent).toBe(
      'No, leave it as it is',
    );
    await user.click(within(dialog).getByTestId('sandbox-reset-modal-confirm'));
    expect((await screen.findByTestId('sandbox-reset-done')).textContent).toBe(
      'Sandbox reset: every destination’s quota for today is whole again.',
    );
    expect(bridge.inputsOf('resetSandbox')).toHaveLength(1);
  });

  it('offers no sandbox reset on the operator’s own connections', async () => {
    renderApp(new FakeBridge());
    await screen.findByTestId('connection-sandbox-badge');
    await user.click(screen.getByTestId('connection-new'));
    expect(screen.queryByTestId('sandbox-reset')).toBeNull();
  });
});
