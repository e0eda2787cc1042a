import { describe, expect, it } from 'vitest';

import { isAppUrl, isTrustedSender } from '../../../electron/ipc/sender-check';

const packaged = 'file:///opt/Carga/resources/app.asar/.vite/renderer/main_window/index.html';
const devServer = 'http://localhost:5173';

describe('isTrustedSender', () => {
  it("trusts the packaged renderer's own index.html, with or without a query or hash", () => {
    expect(isTrustedSender({ url: packaged }, packaged)).toBe(true);
    expect(isTrustedSender({ url: `${packaged}#/results` }, packaged)).toBe(true);
    expect(isTrustedSender({ url: `${packaged}?lang=en` }, packaged)).toBe(true);
  });

  it('does not trust another file on disk, even one next to it or reached through ..', () => {
    expect(
      isTrustedSender(
        { url: 'file:///opt/Carga/resources/app.asar/.vite/renderer/main_window/other.html' },
        packaged,
      ),
    ).toBe(false);
    expect(isTrustedSender({ url: 'file:///home/ana/Descargas/casos.html' }, packaged)).toBe(false);
    expect(
      isTrustedSender(
        { url: 'file:///opt/Carga/resources/app.asar/.vite/renderer/main_window/x/../index.html' },
        packaged,
      ),
    ).toBe(true);
    expect(
      isTrustedSender(
        { url: 'file://remote-host/opt/Carga/resources/app.asar/.vite/renderer/main_window/index.html' },
        packaged,
      ),
    ).toBe(false);
  });

  it('trusts any page of the dev server origin and nothing else', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/' }, devServer)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/index.html?x=1' }, devServer)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/' }, devServer)).toBe(false);
    expect(isTrustedSender({ url: 'https://localhost:5173/' }, devServer)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost.evil.test:5173/' }, devServer)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:5173/' }, devServer)).toBe(false);
  });

  it('does not trust a destroyed frame, a blank or odd URL, or a file page when the app runs from the dev server', () => {
    expect(isTrustedSender(null, packaged)).toBe(false);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender({ url: '' }, packaged)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank' }, packaged)).toBe(false);
    expect(isTrustedSender({ url: 'data:text/html,<script>1</script>' }, packaged)).toBe(false);
    expect(isTrustedSender({ url: packaged }, devServer)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/' }, packaged)).toBe(false);
  });

  it('trusts nothing when the expected URL is itself not one the app loads', () => {
    expect(isAppUrl('about:blank', 'about:blank')).toBe(false);
    expect(isAppUrl('x', 'not a url')).toBe(false);
  });
});
