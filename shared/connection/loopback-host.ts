/**
 * Whether a host names this machine: `localhost`, 127.0.0.0/8 or ::1 (also written in full, or
 * as the IPv4-mapped `::ffff:127.x.y.z`). Plain http is only ever allowed to such a host, so a
 * token never crosses a network unencrypted. Accepts an IPv6 address with or without brackets
 * (`[::1]` as URL.hostname writes it). Pure string logic: shared/ may not use `node:net`.
 */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower === 'localhost') return true;
  if (isLoopbackIPv4(lower)) return true;
  const bare = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  const groups = parseIPv6(bare);
  if (!groups) return false;
  const [a, b, c, d, e, f, g, h] = groups;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && g === 0 && h === 1) return true;
  // ::ffff:127.x.y.z — an IPv4 loopback address carried in IPv6.
  return (
    a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff && g !== undefined && g >> 8 === 127
  );
}

/** Four decimal parts 0–255, the first 127. Shorthand forms (`127.1`) are not addresses here. */
export function isLoopbackIPv4(host: string): boolean {
  const parts = parseIPv4(host);
  return parts !== null && parts[0] === 127;
}

export function parseIPv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    numbers.push(value);
  }
  return numbers;
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. Handles `::` and a
 * trailing dotted IPv4 part. */
export function parseIPv6(text: string): number[] | null {
  if (!text.includes(':')) return null;
  let head = text;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIPv4(last);
    if (!v4) return null;
    tail = [((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0)];
    head = text.slice(0, lastColon + 1);
    // `::ffff:1.2.3.4` leaves `::ffff:`; a lone trailing colon belongs to the v4 part.
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const left = parseGroups(halves[0] ?? '');
  const right = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!left || !right) return null;
  const known = left.length + right.length + tail.length;
  if (halves.length === 2) {
    if (known > 7) return null;
    return [...left, ...new Array<number>(8 - known).fill(0), ...right, ...tail];
  }
  return known === 8 ? [...left, ...tail] : null;
}
