import { describe, expect, it } from 'vitest';

import { resolveOrigin } from '../../../shared/connection/normalize-server';
import { isCargaError } from '../../../shared/errors/carga-error';
import { formatMessage } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import type { TargetId } from '../../../shared/targets/target-ids';

function refusal(target: TargetId, server: string): Message {
  try {
    resolveOrigin(target, server);
  } catch (error) {
    if (isCargaError(error)) return error.detail;
    throw error;
  }
  throw new Error(`"${server}" was accepted`);
}

describe('resolveOrigin: hosts', () => {
  it.each([
    ['crm0000.wolkvox.com', 'https://crm0000.wolkvox.com'],
    ['  crm0000.wolkvox.com  ', 'https://crm0000.wolkvox.com'],
    ['CRM0001.Wolkvox.COM', 'https://crm0001.wolkvox.com'],
    ['crm0000.wolkvox.com/', 'https://crm0000.wolkvox.com'],
    ['https://crm0000.wolkvox.com', 'https://crm0000.wolkvox.com'],
    ['https://crm0000.wolkvox.com/', 'https://crm0000.wolkvox.com'],
    ['HTTPS://crm0000.wolkvox.com', 'https://crm0000.wolkvox.com'],
    ['crm0000.wolkvox.com:8443', 'https://crm0000.wolkvox.com:8443'],
    ['https://crm0000.wolkvox.com:443/', 'https://crm0000.wolkvox.com'],
    ['10.1.2.3', 'https://10.1.2.3'],
    ['[2001:db8::1]:8443', 'https://[2001:db8::1]:8443'],
    ['127.0.0.1:8080', 'https://127.0.0.1:8080'],
  ])('%s → %s', (server, origin) => {
    expect(resolveOrigin('wolkvox-crm-cases', server)).toBe(origin);
  });

  it('takes a host for every target', () => {
    expect(resolveOrigin('wolkvox-crm-records', 'crm0002.wolkvox.com')).toBe('https://crm0002.wolkvox.com');
    expect(resolveOrigin('wolkvox-campaign', 'wv0032.wolkvox.com')).toBe('https://wv0032.wolkvox.com');
    expect(resolveOrigin('thalamus-cases', 'https://api.thalamus.example/')).toBe(
      'https://api.thalamus.example',
    );
    // Thalamus installed under a path: the base URL keeps it; a query is still refused.
    expect(resolveOrigin('thalamus-cases', 'https://crm.example.com/thalamus/')).toBe(
      'https://crm.example.com/thalamus',
    );
    expect(resolveOrigin('thalamus-cases', 'crm.example.com/apps/thalamus')).toBe(
      'https://crm.example.com/apps/thalamus',
    );
    expect(() => resolveOrigin('thalamus-cases', 'crm.example.com/thalamus?x=1')).toThrow();
  });
});

describe('resolveOrigin: wolkvox Manager server numbers', () => {
  it.each([
    ['0032', 'https://wv0032.wolkvox.com'],
    ['32', 'https://wv32.wolkvox.com'],
    ['wv0032', 'https://wv0032.wolkvox.com'],
    ['WV0032', 'https://wv0032.wolkvox.com'],
  ])('%s → %s (kept digit for digit)', (server, origin) => {
    expect(resolveOrigin('wolkvox-campaign', server)).toBe(origin);
  });

  it('takes a number only on its own', () => {
    expect(refusal('wolkvox-campaign', 'https://0032')).toEqual({
      code: 'crm.server.incomplete-host',
      params: { server: 'https://0032', suggestion: 'wv0032.wolkvox.com' },
    });
  });

  it('does not read a number as a CRM server, and says what to type', () => {
    expect(refusal('wolkvox-crm-cases', '0000')).toEqual({
      code: 'crm.server.number-not-host',
      params: { server: '0000', suggestion: 'crm0000.wolkvox.com' },
    });
  });
});

describe('resolveOrigin: plain http only on this machine', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://127.9.9.9', 'http://127.9.9.9'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['http://localhost:80', 'http://localhost'],
  ])('%s → %s', (server, origin) => {
    expect(resolveOrigin('wolkvox-crm-cases', server)).toBe(origin);
  });

  it.each([
    'http://crm0000.wolkvox.com',
    'http://10.0.0.5:8080',
    'http://128.0.0.1',
    'http://localhost.example.com',
  ])('refuses %s', (server) => {
    expect(refusal('wolkvox-crm-cases', server).code).toBe('crm.server.insecure-http');
  });

  it('suggests the host without http://', () => {
    expect(refusal('wolkvox-crm-cases', 'http://crm0000.wolkvox.com:8443/').params).toEqual({
      server: 'http://crm0000.wolkvox.com:8443/',
      suggestion: 'crm0000.wolkvox.com:8443',
    });
  });
});

describe('resolveOrigin: refusals say what was wrong and what to type', () => {
  it('an empty server', () => {
    expect(refusal('wolkvox-crm-cases', '   ')).toEqual({
      code: 'crm.server.empty',
      params: { example: 'crm0000.wolkvox.com' },
    });
    expect(refusal('wolkvox-campaign', '')).toEqual({
      code: 'crm.server.empty',
      params: { example: '0032' },
    });
  });

  it('spaces inside', () => {
    expect(refusal('wolkvox-crm-cases', 'crm0000 .wolkvox.com')).toEqual({
      code: 'crm.server.spaces',
      params: { server: 'crm0000 .wolkvox.com', example: 'crm0000.wolkvox.com' },
    });
  });

  it('a repeated scheme', () => {
    expect(refusal('wolkvox-crm-cases', 'https://https://crm0000.wolkvox.com/server/API')).toEqual({
      code: 'crm.server.double-scheme',
      params: { server: 'https://https://crm0000.wolkvox.com/server/API', suggestion: 'crm0000.wolkvox.com' },
    });
    expect(refusal('wolkvox-crm-cases', 'https://http://crm0000.wolkvox.com').code).toBe(
      'crm.server.double-scheme',
    );
    expect(refusal('wolkvox-crm-cases', 'https://https//crm0000.wolkvox.com').code).toBe(
      'crm.server.double-scheme',
    );
  });

  it('a mistyped scheme', () => {
    expect(refusal('wolkvox-crm-cases', 'https//crm0000.wolkvox.com')).toEqual({
      code: 'crm.server.malformed-scheme',
      params: { server: 'https//crm0000.wolkvox.com', suggestion: 'crm0000.wolkvox.com' },
    });
    expect(refusal('wolkvox-crm-cases', 'https:/crm0000.wolkvox.com').code).toBe(
      'crm.server.malformed-scheme',
    );
    expect(refusal('wolkvox-crm-cases', 'https:crm0000.wolkvox.com').code).toBe(
      'crm.server.malformed-scheme',
    );
  });

  it('a scheme that is not the web', () => {
    expect(refusal('wolkvox-crm-cases', 'ftp://crm0000.wolkvox.com')).toEqual({
      code: 'crm.server.scheme',
      params: { server: 'ftp://crm0000.wolkvox.com', scheme: 'ftp', example: 'crm0000.wolkvox.com' },
    });
  });

  it('a path, a query or a fragment', () => {
    expect(refusal('wolkvox-crm-cases', 'crm0000.wolkvox.com/server/API')).toEqual({
      code: 'crm.server.path',
      params: {
        server: 'crm0000.wolkvox.com/server/API',
        path: '/server/API',
        suggestion: 'crm0000.wolkvox.com',
      },
    });
    expect(
      refusal('wolkvox-crm-cases', 'https://crm0000.wolkvox.com/server/API/v2/cases/insert.php').params,
    ).toMatchObject({
      path: '/server/API/v2/cases/insert.php',
      suggestion: 'crm0000.wolkvox.com',
    });
    expect(refusal('wolkvox-crm-cases', 'http://127.0.0.1:8080/api').params).toMatchObject({
      suggestion: 'http://127.0.0.1:8080',
    });
    expect(refusal('wolkvox-crm-cases', 'crm0000.wolkvox.com?x=1').code).toBe('crm.server.path');
    expect(refusal('wolkvox-crm-cases', 'crm0000.wolkvox.com#top').code).toBe('crm.server.path');
    expect(refusal('wolkvox-crm-cases', 'crm0000.wolkvox.com//').code).toBe('crm.server.path');
  });

  it('a user or password', () => {
    expect(refusal('wolkvox-crm-cases', 'https://ana:secreto@crm0000.wolkvox.com')).toEqual({
      code: 'crm.server.credentials',
      params: { server: 'https://***@crm0000.wolkvox.com', suggestion: 'crm0000.wolkvox.com' },
    });
  });

  it.each([
    'crm0000.wolkvox.com:0',
    'crm0000.wolkvox.com:65536',
    'crm0000.wolkvox.com:',
    'crm0000.wolkvox.com:http',
  ])('a bad port in %s', (server) => {
    expect(refusal('wolkvox-crm-cases', server).code).toBe('crm.server.invalid-port');
  });

  it.each([
    'crm_0000.wolkvox.com',
    '-crm.wolkvox.com',
    'crm..wolkvox.com',
    'crm0000.wolkvox.com.',
    'cañete.wolkvox.com',
    '300.1.1.1',
    '[::1',
    '[zz::1]',
    '::1',
    `${'a'.repeat(64)}.com`,
  ])('an invalid host %s', (server) => {
    expect(refusal('wolkvox-crm-cases', server).code).toBe('crm.server.invalid-host');
  });

  it('an incomplete host, with the likely full one', () => {
    expect(refusal('wolkvox-crm-cases', 'crm0000')).toEqual({
      code: 'crm.server.incomplete-host',
      params: { server: 'crm0000', suggestion: 'crm0000.wolkvox.com' },
    });
    expect(refusal('thalamus-cases', 'miempresa').params).toEqual({
      server: 'miempresa',
      suggestion: 'api.example.com',
    });
  });

  it('an old crmvox.com host, with its new wolkvox.com host', () => {
    expect(refusal('wolkvox-crm-cases', 'https://sv0001.crmvox.com/')).toEqual({
      code: 'crm.server.moved',
      params: { server: 'sv0001.crmvox.com', suggestion: 'crm0001.wolkvox.com' },
    });
  });

  it('messages read well in both languages', () => {
    const detail = refusal('wolkvox-crm-cases', 'crm0000.wolkvox.com/server/API');
    expect(formatMessage('es', detail)).toBe(
      '«crm0000.wolkvox.com/server/API» incluye una ruta (/server/API). Carga arma la dirección completa por usted: escriba solo el servidor, crm0000.wolkvox.com',
    );
    expect(formatMessage('en', detail)).toBe(
      '"crm0000.wolkvox.com/server/API" includes a path (/server/API). Carga builds the full address for you: type only the server, crm0000.wolkvox.com',
    );
  });
});
