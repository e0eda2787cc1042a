import { describe, expect, it } from 'vitest';

import { isLoopbackHost, parseIPv6 } from '../../../shared/connection/loopback-host';

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.1.2.3',
    '127.255.255.255',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '[0000::0001]',
    '::ffff:127.0.0.1',
    '[::ffff:7f00:1]',
  ])('accepts %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    '128.0.0.1',
    '10.0.0.1',
    '127.0.0',
    '127.0.0.256',
    '127.1',
    'localhost.example.com',
    'crm0000.wolkvox.com',
    '::2',
    '::',
    '[::ffff:10.0.0.1]',
    'fe80::1',
    '',
  ])('refuses %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('parseIPv6', () => {
  it('expands :: and a trailing IPv4 part into eight groups', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('2001:db8::8:1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 8, 1]);
    expect(parseIPv6('::ffff:192.168.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc0a8, 0x0001]);
  });

  it('refuses what is not an address', () => {
    expect(parseIPv6('1::2::3')).toBeNull();
    expect(parseIPv6('1:2:3:4:5:6:7')).toBeNull();
    expect(parseIPv6('12345::1')).toBeNull();
    expect(parseIPv6('localhost')).toBeNull();
  });
});
