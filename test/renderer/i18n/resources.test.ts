import { describe, expect, it } from 'vitest';

import { en } from '../../../renderer/i18n/en';
import { es } from '../../../renderer/i18n/es';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

function lookup(root: unknown, path: string): string {
  return String(path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('UI texts', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('leave no text empty', () => {
    expect(keys(en).filter((key) => lookup(en, key).trim() === '')).toEqual([]);
    expect(keys(es).filter((key) => lookup(es, key).trim() === '')).toEqual([]);
  });

  it('fill the same placeholders in both languages', () => {
    const differing = keys(en).filter(
      (key) => placeholders(lookup(en, key)).join() !== placeholders(lookup(es, key)).join(),
    );
    expect(differing).toEqual([]);
  });
});
