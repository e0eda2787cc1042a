import { describe, expect, it } from 'vitest';

import { isPermissionAllowed, mayNavigate } from '../../../electron/ipc/window-policy';

describe('mayNavigate', () => {
  const app = 'file:///opt/Carga/resources/app.asar/.vite/renderer/main_window/index.html';

  it("allows reloading the app's own page and nothing else", () => {
    expect(mayNavigate(app, app)).toBe(true);
    expect(mayNavigate('https://crm0001.wolkvox.com/', app)).toBe(false);
    expect(mayNavigate('file:///home/ana/casos.csv', app)).toBe(false);
    expect(mayNavigate('javascript:alert(1)', app)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows notifications only', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'usb',
      'unknown',
    ]) {
      expect(isPermissionAllowed(permission), permission).toBe(false);
    }
  });
});
