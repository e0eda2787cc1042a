import { uniqueExtraValues } from '../../shared/connection/extra-values';
import type { Connection } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import type { Template } from '../../shared/template';
import { SANDBOX_DEFAULTS } from '../sandbox/seeded-data';
import { THALAMUS_PASSWORDLESS_TOUCHPOINT } from '../sandbox/thalamus-data';
import type { IMPORT } from './command-specs';
import type { FlagValues } from './flags';

/** The connection a one-off import sends with: flags first, then the template, else the sandbox's. */
export function connectionFor(
  template: Template,
  flags: Partial<FlagValues<typeof IMPORT.flags>>,
): Connection {
  const remembered = template.connection;
  const server = flags.server ?? remembered.server ?? 'sandbox';
  const sandbox = server === 'sandbox';
  const campaign = template.target === 'wolkvox-campaign';
  const pick = (flag: string | undefined, saved: string | undefined, fallback?: string) =>
    flag ?? saved ?? (sandbox ? fallback : undefined);
  const connection: Connection = {
    id: 'cli',
    name: sandbox ? 'Sandbox' : server,
    target: template.target,
    server,
  };
  const operation = pick(flags.operation, remembered.operation, SANDBOX_DEFAULTS.operation);
  if (operation) connection.operation = operation;
  const campaignId = pick(flags['campaign-id'], remembered.campaignId, SANDBOX_DEFAULTS.campaigns[0]);
  if (campaignId && campaign) connection.campaignId = campaignId;
  const campaignType =
    flags['campaign-type'] ?? remembered.campaignType ?? (campaign ? 'predictive' : undefined);
  if (campaignType) connection.campaignType = campaignType;
  const campaignStatus = pick(
    flags['campaign-status'],
    remembered.campaignStatus,
    campaign ? 'active' : undefined,
  );
  if (campaignStatus) connection.campaignStatus = campaignStatus;
  const module = pick(
    flags.module,
    remembered.module,
    template.target === 'wolkvox-crm-records' ? 'contacts' : undefined,
  );
  if (module) connection.module = module;
  const touchpoint = pick(
    flags.touchpoint,
    remembered.touchpoint,
    template.target === 'thalamus-cases' ? THALAMUS_PASSWORDLESS_TOUCHPOINT : undefined,
  );
  if (touchpoint) connection.touchpoint = touchpoint;
  if (template.target === 'wolkvox-crm-cases') {
    const extraStatuses = extraValues('--extra-status', flags['extra-status'], remembered.extraStatuses);
    if (extraStatuses) connection.extraStatuses = extraStatuses;
    const extraPriorities = extraValues(
      '--extra-priority',
      flags['extra-priority'],
      remembered.extraPriorities,
    );
    if (extraPriorities) connection.extraPriorities = extraPriorities;
  }
  if (flags['daily-limit']) connection.dailyLimit = flags['daily-limit'];
  return connection;
}

/** The values a CRM has beyond the built-in ones: the flag's when given (repeated), else the
 * template's; trimmed, each once. A blank one is a typing mistake, not "no value". */
function extraValues(
  option: string,
  given: readonly string[] | undefined,
  saved: readonly string[] | undefined,
): string[] | undefined {
  const values = given ?? saved;
  if (!values || values.length === 0) return undefined;
  if (values.some((value) => value.trim() === '')) throw new CargaError(msg('cli.missing-value', { option }));
  return uniqueExtraValues(values);
}
