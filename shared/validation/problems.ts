import type { Message } from '../messages/message';

/** Kinds of problem found in a row before anything is sent. */
export const PROBLEM_CODES = [
  'required-missing',
  'invalid-date',
  'phone-too-short',
  'phone-scientific',
  'invalid-email',
  'unknown-system-value',
  'not-a-number',
  'ragged-row',
  'value-too-long',
  'phone-invalid',
  'empty-row',
  'invalid-typed-value',
  'not-in-server-list',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface RowProblem {
  /** Spreadsheet row number, as Excel shows it. */
  row: number;
  /** 0-based data-row ordinal. */
  index: number;
  column?: string;
  field?: string;
  value?: string;
  code: ProblemCode;
  message: Message;
}
