import { campaignAddRecordEndpoint } from './campaign-handler';
import { casesInsertEndpoint } from './cases-handler';
import type { Endpoint } from './endpoint';
import { crmTokenInfoEndpoint, managerTokenInfoEndpoint } from './token-info-handlers';
import type { ReplyStyle } from './wolkvox-replies';

export type Route = { kind: 'endpoint'; endpoint: Endpoint } | { kind: 'unknown'; style: ReplyStyle };

/** Paths are matched exactly, as a PHP server would; the Manager picks its API by `?api=`. */
export function route(url: URL): Route {
  const api = url.searchParams.get('api');
  switch (url.pathname) {
    case '/server/API/v2/cases/insert.php':
      return { kind: 'endpoint', endpoint: casesInsertEndpoint };
    case '/server/API/v2/token/tokenInformation.php':
      return { kind: 'endpoint', endpoint: crmTokenInfoEndpoint };
    case '/api/v2/campaign.php':
      if (api === 'add_record') return { kind: 'endpoint', endpoint: campaignAddRecordEndpoint };
      break;
    case '/api/v2/information.php':
      if (api === 'token_info') return { kind: 'endpoint', endpoint: managerTokenInfoEndpoint };
      break;
  }
  return { kind: 'unknown', style: url.pathname.startsWith('/api/') ? 'manager' : 'crm' };
}
