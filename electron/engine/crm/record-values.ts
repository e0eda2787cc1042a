/** The fields worth sending: a blank cell sets nothing, so it is left out rather than sent as "".
 * Mapped records hold no blank values, so the record's own object comes back unless one is
 * blank (a batch of 10,000 records is then encoded without a copy of each). Read-only. */
export function nonEmpty(values: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  let blank = false;
  for (const key in values) {
    if (values[key] === '') {
      blank = true;
      break;
    }
  }
  if (!blank) return values;
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== '') kept[key] = value;
  return kept;
}
