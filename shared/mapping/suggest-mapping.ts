import type { MappingSuggestion } from '../contract';
import { targetSpec } from '../targets/catalog';
import type { TargetId } from '../targets/target-ids';
import { compactName, normalizeName } from './normalize-name';

/** Below this a guess does more harm than an empty choice. */
export const MIN_SUGGESTION_CONFIDENCE = 0.5;

const EXACT = 1;
const SAME_WORDS = 0.9;
/** Ceiling of a partial match: never as sure as a name the catalog lists. */
const PARTIAL = 0.8;
/** A word that is a prefix of the other (`Tel` ~ `Teléfono`, `Desc` ~ `Descripción`) counts this much. */
const PREFIX_WORD = 0.8;
const MIN_PREFIX_LENGTH = 3;

/** Words that carry no meaning in a header (`Tipo de caso` ~ `Tipo caso`). */
const FILLER_WORDS = new Set([
  'de',
  'del',
  'la',
  'las',
  'el',
  'los',
  'y',
  'en',
  'por',
  'para',
  'a',
  'of',
  'the',
  'and',
  'by',
  'to',
]);

interface NameForm {
  normalized: string;
  compact: string;
  words: string[];
}

interface Candidate {
  field: string;
  names: NameForm[];
  /** The slot number in the field's label (`Teléfono 2` → `2`), '' when it has none. */
  slot: string;
}

function nameForm(name: string): NameForm {
  const normalized = normalizeName(name);
  const words = normalized.split(' ').filter((w) => w !== '' && !FILLER_WORDS.has(w));
  return { normalized, compact: compactName(name), words };
}

const candidatesByTarget = new Map<TargetId, Candidate[]>();

function candidatesFor(target: TargetId): Candidate[] {
  let candidates = candidatesByTarget.get(target);
  if (!candidates) {
    candidates = targetSpec(target).fields.map((f) => ({
      field: f.key,
      names: [f.key, f.label.es, f.label.en, ...f.synonyms].map(nameForm),
      slot: numbersIn(nameForm(f.label.es).words),
    }));
    candidatesByTarget.set(target, candidates);
  }
  return candidates;
}

const isNumber = (w: string) => /^\d+$/.test(w);
const numbersIn = (words: string[]) => words.filter(isNumber).join(' ');

function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  if (isNumber(a) || isNumber(b)) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX_LENGTH && long.startsWith(short) ? PREFIX_WORD : 0;
}

/** Numbers in a header name a slot (`Teléfono 2`): differing numbers never match. */
function numbersConflict(a: string, b: string): boolean {
  return a !== '' && b !== '' && a !== b;
}

/** How well a column header matches one name of a field, 0..1. */
function nameSimilarity(column: NameForm, name: NameForm): number {
  if (column.normalized === '' || name.normalized === '') return 0;
  if (column.normalized === name.normalized || column.compact === name.compact) return EXACT;
  const a = column.words;
  const b = name.words;
  if (a.length === 0 || b.length === 0 || numbersConflict(numbersIn(a), numbersIn(b))) return 0;
  if (a.length === b.length && a.every((w) => b.includes(w)) && b.every((w) => a.includes(w)))
    return SAME_WORDS;
  // Dice coefficient over words, where a word counts by its best match on the other side.
  let matched = 0;
  for (const w of a) matched += Math.max(...b.map((v) => wordMatch(w, v)));
  for (const w of b) matched += Math.max(...a.map((v) => wordMatch(w, v)));
  return (PARTIAL * matched) / (a.length + b.length);
}

/**
 * One suggestion per column, in column order. Each field is suggested at most once: the
 * best-scoring column gets it (ties go to the earlier column), and a column gets the best
 * field still free. `field` is null when nothing scores at least MIN_SUGGESTION_CONFIDENCE.
 */
export function suggestMapping(target: TargetId, columns: string[]): MappingSuggestion[] {
  const candidates = candidatesFor(target);
  const pairs: { column: number; field: number; score: number }[] = [];
  columns.forEach((column, ci) => {
    const form = nameForm(column);
    const columnSlot = numbersIn(form.words);
    candidates.forEach((candidate, fi) => {
      if (numbersConflict(columnSlot, candidate.slot)) return;
      const score = Math.max(...candidate.names.map((n) => nameSimilarity(form, n)));
      if (score >= MIN_SUGGESTION_CONFIDENCE) pairs.push({ column: ci, field: fi, score });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.column - y.column || x.field - y.field);

  const suggestions: MappingSuggestion[] = columns.map((column) => ({ column, field: null, confidence: 0 }));
  const takenFields = new Set<number>();
  for (const pair of pairs) {
    const suggestion = suggestions[pair.column];
    if (!suggestion || suggestion.field !== null || takenFields.has(pair.field)) continue;
    takenFields.add(pair.field);
    suggestion.field = candidates[pair.field]?.field ?? null;
    suggestion.confidence = Math.round(pair.score * 100) / 100;
  }
  return suggestions;
}
