import type { Classification } from './classification';
import type { ErrorPlace } from './failure';
import { classifyNetworkError } from './network-classifier';
import { classifyThalamusResponse } from './thalamus-classifier';
import { classifyWolkvoxResponse } from './wolkvox-classifier';

export type { ErrorPlace } from './failure';
export { explainAt } from './failure';

/** Who answered: wolkvox (CRM and Manager share one answer shape) or Thalamus. */
export type Vendor = 'wolkvox' | 'thalamus';

/** What came back for one request: an HTTP answer from a vendor, or no answer at all. */
export type Outcome =
  | { kind: 'response'; vendor: Vendor; status: number; bodyText: string }
  | { kind: 'network-error'; code: string; message: string; sent: boolean; timedOut: boolean };

/** The one entry to the error catalog: each vendor's answers are read by its own module. */
export function classify(outcome: Outcome, place?: ErrorPlace): Classification {
  if (outcome.kind === 'network-error')
    return classifyNetworkError(outcome.code, outcome.message, outcome.sent, outcome.timedOut, place);
  return outcome.vendor === 'thalamus'
    ? classifyThalamusResponse(outcome.status, outcome.bodyText, place)
    : classifyWolkvoxResponse(outcome.status, outcome.bodyText, place);
}

export { classifyNetworkError, classifyThalamusResponse, classifyWolkvoxResponse };
