import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Backticked words that name a place in the repository: a path with a folder, or a Markdown page. */
function namedPaths(markdown: string): string[] {
  const quoted = [...markdown.matchAll(/`([^`\s]+)`/g)].flatMap((match) => match.slice(1));
  return [...new Set(quoted.filter((word) => word.includes('/') || word.endsWith('.md')))];
}

describe('docs/architecture.md', () => {
  const page = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');

  it('names the places a newcomer needs', () => {
    expect(namedPaths(page).length).toBeGreaterThan(40);
  });

  it('names only paths that exist in the tree', () => {
    const missing = namedPaths(page).filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });
});
