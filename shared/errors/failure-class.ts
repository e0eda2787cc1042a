/** SPEC.md's failure classes: each decides what the run does next. */
export const FAILURE_CLASSES = [
  'stop',
  'throttled',
  'quota',
  'batch',
  'row',
  'transient',
  'uncertain',
  'partial',
] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];
