const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Folds what operators vary without meaning to: accents, case, spacing and punctuation.
 * `"Correo  Contácto"` → `"correo contacto"`, `"case-type"` → `"case type"`, `"Dueño"` → `"dueno"`.
 */
export function normalizeName(s: string): string {
  // ASCII has no accents to take apart: skip the costly Unicode decomposition.
  if (isAscii(s)) return s.toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** `normalizeName` without spaces: names that differ only by spacing (`Tel 1`, `tel1`) fold together. */
export function compactName(s: string): string {
  return normalizeName(s).replaceAll(' ', '');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
