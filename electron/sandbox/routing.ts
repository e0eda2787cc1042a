import { campaignAddRecordEndpoint } from './campaign-handler';
import { casesInsertEndpoint } from './cases-handler';
import type { Endpoint } from './endpoint';
import { moduleInsertEndpoint, moduleInsertManyEndpoint } from './module-records-handler';
import { THALAMUS_PATH_PREFIX } from './thalamus-data';
import {
  thalamusCreateCaseEndpoint,
  thalamusStatusEndpoint,
  thalamusTypeCategoryEndpoint,
} from './thalamus-handlers';
import { crmTokenInfoEndpoint, managerTokenInfoEndpoint } from './token-info-handlers';
import type { EndpointStyle } from './wolkvox-replies';

export type Route = { kind: 'endpoint'; endpoint: Endpoint } | { kind: 'unknown'; style: EndpointStyle };

/** Paths are matched exactly, as a PHP server would; the Manager picks its API by `?api=`;
 * Thalamus answers only under its path prefix. */
export function route(url: URL): Route {
  const api = url.searchParams.get('api');
  switch (url.pathname) {
    case '/server/API/v2/cases/insert.php':
      return { kind: 'endpoint', endpoint: casesInsertEndpoint };
    case '/server/API/v2/custom/insertMany.php':
      return { kind: 'endpoint', endpoint: moduleInsertManyEndpoint };
    case '/server/API/v2/custom/insert.php':
      return { kind: 'endpoint', endpoint: moduleInsertEndpoint };
    case '/server/API/v2/token/tokenInformation.php':
      return { kind: 'endpoint', endpoint: crmTokenInfoEndpoint };
    case '/api/v2/campaign.php':
      if (api === 'add_record') return { kind: 'endpoint', endpoint: campaignAddRecordEndpoint };
      break;
    case '/api/v2/information.php':
      if (api === 'token_info') return { kind: 'endpoint', endpoint: managerTokenInfoEndpoint };
      break;
    case `${THALAMUS_PATH_PREFIX}/api/v4/cases`:
      return { kind: 'endpoint', endpoint: thalamusCreateCaseEndpoint };
    case `${THALAMUS_PATH_PREFIX}/api/v4/cases/typecategory`:
      return { kind: 'endpoint', endpoint: thalamusTypeCategoryEndpoint };
    case `${THALAMUS_PATH_PREFIX}/api/v4/cases/status`:
      return { kind: 'endpoint', endpoint: thalamusStatusEndpoint };
  }
  if (url.pathname.startsWith(`${THALAMUS_PATH_PREFIX}/`) || url.pathname.includes('/api/v4/'))
    return { kind: 'unknown', style: 'thalamus' };
  return { kind: 'unknown', style: url.pathname.startsWith('/api/') ? 'manager' : 'crm' };
}
