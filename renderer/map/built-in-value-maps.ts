import type { TargetId } from '../../shared/contract';
import { targetSpec } from '../../shared/targets/catalog';

const none: Readonly<Record<string, string>> = {};

/** The Spanish→English values the engine applies to a system field when the template says
 * nothing else: shown so the operator sees, and can change, what will be sent. */
export function builtInValueMap(target: TargetId, field: string): Readonly<Record<string, string>> {
  return (
    targetSpec(target).fields.find((candidate) => candidate.key === field)?.systemValues?.spanish ?? none
  );
}
