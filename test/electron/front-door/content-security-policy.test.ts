import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../../../electron/front-door/content-security-policy';

describe('contentSecurityPolicy', () => {
  it('allows scripts and connections to the app itself only, inline styles (Mantine), and nothing framed or embedded', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("relaxes scripts and connections for Vite's dev server only", () => {
    const dev = contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' });
    expect(dev).toContain("script-src 'self' 'unsafe-inline';");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173;");
    expect(dev).toContain("object-src 'none'");
  });
});
