/**
 * Reading a token's quota; each read counts against the quota it reports, so the numbers
 * include the read itself. Numbers are JSON numbers (the vendors' pages show numbers).
 *
 * CRM     GET /server/API/v2/token/tokenInformation.php?operation={op}
 *         data: {token_limit, token_use_today, available_consumition_options (sic), hours_to_restart_count}
 *         `operation` missing → 400 SOME PARAMETERS ARE REQUIRED; another operation → 404 REVIEW….
 *         The counter restarts at the sandbox machine's local midnight.
 * Manager GET /api/v2/information.php?api=token_info
 *         data: {token_limit, token_use_today, all_token_today, available_consumption_options}
 */
import type { Endpoint } from './endpoint';
import { parametersRequiredReply, reviewReply, successReply } from './wolkvox-replies';

export const crmTokenInfoEndpoint: Endpoint = {
  name: 'crm-token-info',
  style: 'crm',
  method: 'GET',
  takesInjections: false,
  async prepare(_req, url, { config, quota }) {
    const operation = url.searchParams.get('operation') ?? '';
    if (operation.trim() === '') return { kind: 'refuse', reply: parametersRequiredReply('crm') };
    if (operation !== config.operation) {
      return {
        kind: 'refuse',
        reply: reviewReply(
          'crm',
          `THE OPERATION (${operation}) DOES NOT EXIST OR DOES NOT BELONG TO THIS TOKEN`,
        ),
      };
    }
    return {
      kind: 'accept',
      commit: () => {
        const { limit, usedToday, hoursToRestart } = quota();
        return successReply('crm', {
          token_limit: limit,
          token_use_today: usedToday,
          available_consumition_options: Math.max(0, limit - usedToday),
          hours_to_restart_count: hoursToRestart,
        });
      },
    };
  },
};

export const managerTokenInfoEndpoint: Endpoint = {
  name: 'manager-token-info',
  style: 'manager',
  method: 'GET',
  takesInjections: false,
  async prepare(_req, _url, { quota }) {
    return {
      kind: 'accept',
      commit: () => {
        const { limit, usedToday, allTokensToday } = quota();
        return successReply('manager', {
          token_limit: limit,
          token_use_today: usedToday,
          all_token_today: allTokensToday,
          available_consumption_options: Math.max(0, limit - usedToday),
        });
      },
    };
  },
};
