import type { Classification } from '../../../shared/errors/classification';
import { explainAt } from '../../../shared/errors/classify';
import { msg } from '../../../shared/messages/catalog';

type Failure = Extract<Classification, { kind: 'failure' }>;

/**
 * Thalamus refuses a party that cannot log in with 401. Before anything of the job was accepted
 * that says the setup is wrong (touchpoint, party column, password): the job stops. Once other
 * parties got in, it is this party's own problem: only its row fails, explained as such.
 */
export function refusedPartyAsRowFailure(
  verdict: Failure,
  acceptedSoFar: number,
  row: number | undefined,
): Failure | null {
  if (!verdict.partyRefused || acceptedSoFar === 0) return null;
  const failure: Failure = {
    ...verdict,
    failureClass: 'row',
    explanation: msg('crm.thalamus.party-cannot-log-in', { code: verdict.code }),
  };
  const placed = explainAt(failure, row === undefined ? undefined : { row });
  return placed.kind === 'failure' ? placed : failure;
}
