import { describe, expect, it } from 'vitest';

import { browserCommand } from '../../../electron/web/open-browser';

const url = 'http://127.0.0.1:4100/?s=abc';

describe('browserCommand', () => {
  it('opens nothing when BROWSER is none', () => {
    expect(browserCommand(url, 'linux', { BROWSER: 'none' })).toBeNull();
  });

  it('uses the program BROWSER names', () => {
    expect(browserCommand(url, 'linux', { BROWSER: 'firefox' })).toEqual({ command: 'firefox', args: [url] });
  });

  it("uses each platform's opener otherwise", () => {
    expect(browserCommand(url, 'linux', {})).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32', { BROWSER: '' })).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', url],
    });
  });
});
