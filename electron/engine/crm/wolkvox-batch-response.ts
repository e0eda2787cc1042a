import type { Classification } from '../../../shared/errors/classification';
import { classifyWolkvoxResponse } from '../../../shared/errors/classify';
import type { HttpResponse } from './target-adapter';

/** A batch answer: "X RECORDS HAS BEEN ADDED" with X at least the batch size means every record
 * went in, whatever the status said. */
export function readWolkvoxBatchResponse(response: HttpResponse, recordCount: number): Classification {
  const classification = classifyWolkvoxResponse(response.status, response.bodyText);
  if (
    classification.kind === 'failure' &&
    classification.failureClass === 'partial' &&
    (classification.added ?? 0) >= recordCount
  ) {
    return { kind: 'ok', ids: [] };
  }
  return classification;
}
