/** Values a CRM adds to a system field's (T1 statuses, priorities), trimmed and each once: the
 * CRM does not tell `Urgent` from `urgent`, so the first spelling given is kept. */
export function uniqueExtraValues(values: readonly string[]): string[] {
  const unique = new Map<string, string>();
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed !== '' && !unique.has(trimmed.toLowerCase())) unique.set(trimmed.toLowerCase(), trimmed);
  }
  return [...unique.values()];
}
