/** The fields worth sending: a blank cell sets nothing, so it is left out rather than sent as "". */
export function nonEmpty(values: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== '') kept[key] = value;
  return kept;
}
