import { normalizeName } from '../mapping/normalize-name';

export interface ValueMapHit {
  value: string;
  /** Whether the operator's template gave this translation (then it is sent as given). */
  fromTemplate: boolean;
}

/** Value in the file → value sent, matched ignoring accents, case and spacing. */
export interface ValueMap {
  readonly size: number;
  lookup(value: string): ValueMapHit | undefined;
}

/**
 * Merges a template's entries over built-in defaults: an entry whose key folds to the same
 * text as a default replaces it. Lookups try the exact text first so the common case needs no
 * normalisation.
 */
export function buildValueMap(
  defaults: Readonly<Record<string, string>> | undefined,
  fromTemplate: Readonly<Record<string, string>> | undefined,
): ValueMap {
  const byExact = new Map<string, ValueMapHit>();
  const byFolded = new Map<string, ValueMapHit>();
  const add = (entries: Readonly<Record<string, string>> | undefined, isTemplate: boolean) => {
    for (const [key, value] of Object.entries(entries ?? {})) {
      const hit = { value, fromTemplate: isTemplate };
      byExact.set(key, hit);
      // A key of punctuation only (`-`) folds to nothing: it matches only as written.
      const folded = normalizeName(key);
      if (folded !== '') byFolded.set(folded, hit);
    }
  };
  add(defaults, false);
  add(fromTemplate, true);
  // A default spelled exactly as in the file must still yield to the template's entry for it.
  for (const key of byExact.keys()) {
    const hit = byFolded.get(normalizeName(key));
    if (hit) byExact.set(key, hit);
  }

  return {
    size: byExact.size,
    lookup(value) {
      if (byExact.size === 0) return undefined;
      return byExact.get(value) ?? byFolded.get(normalizeName(value));
    },
  };
}
