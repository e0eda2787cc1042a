import { describe, expect, it } from 'vitest';

import {
  cookieValue,
  isAllowedHost,
  isAllowedOrigin,
  secretMatches,
} from '../../../electron/web/request-guard';

describe('isAllowedHost', () => {
  it('accepts 127.0.0.1 and localhost on the server port, in any case', () => {
    expect(isAllowedHost('127.0.0.1:4100', 4100)).toBe(true);
    expect(isAllowedHost('localhost:4100', 4100)).toBe(true);
    expect(isAllowedHost('LocalHost:4100', 4100)).toBe(true);
  });

  it('refuses other names, ports, a missing port and a missing header', () => {
    expect(isAllowedHost('rebind.attacker.test:4100', 4100)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4101', 4100)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4100)).toBe(false);
    expect(isAllowedHost('[::1]:4100', 4100)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4100.evil.test', 4100)).toBe(false);
    expect(isAllowedHost(undefined, 4100)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  it('accepts no Origin at all (a plain navigation) and its own origin', () => {
    expect(isAllowedOrigin(undefined, 4100)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4100', 4100)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4100', 4100)).toBe(true);
  });

  it('refuses another site, another port, https, and the opaque null origin', () => {
    expect(isAllowedOrigin('https://evil.example', 4100)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4101', 4100)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:4100', 4100)).toBe(false);
    expect(isAllowedOrigin('null', 4100)).toBe(false);
    expect(isAllowedOrigin('', 4100)).toBe(false);
  });
});

describe('secretMatches', () => {
  it('matches only the exact secret', () => {
    expect(secretMatches('s3cr3t-value', 's3cr3t-value')).toBe(true);
    expect(secretMatches('s3cr3t-valuE', 's3cr3t-value')).toBe(false);
    expect(secretMatches('s3cr3t', 's3cr3t-value')).toBe(false);
    expect(secretMatches('s3cr3t-value-and-more', 's3cr3t-value')).toBe(false);
    expect(secretMatches('', 's3cr3t-value')).toBe(false);
    expect(secretMatches(null, 's3cr3t-value')).toBe(false);
    expect(secretMatches(undefined, 's3cr3t-value')).toBe(false);
  });
});

describe('cookieValue', () => {
  it('finds one cookie among several', () => {
    expect(cookieValue('a=1; carga-secret-4100=abc; b=2', 'carga-secret-4100')).toBe('abc');
    expect(cookieValue('carga-secret-4100=abc', 'carga-secret-4100')).toBe('abc');
  });

  it('does not confuse a cookie whose name only starts or ends the same', () => {
    expect(
      cookieValue('x-carga-secret-4100=abc; carga-secret-41000=def', 'carga-secret-4100'),
    ).toBeUndefined();
    expect(cookieValue(undefined, 'carga-secret-4100')).toBeUndefined();
  });
});
