import { CargaError } from '../../../shared/errors/carga-error';
import { wireValue } from '../../../shared/mapping/declared-types';
import { msg } from '../../../shared/messages/catalog';
import { nonEmpty } from './record-values';
import type { TargetAdapter } from './target-adapter';
import { readWolkvoxBatchResponse } from './wolkvox-batch-response';
import { crmQuotaRequest, readCrmQuota } from './wolkvox-quota';

/**
 * T2, wolkvox CRM "insert module records": up to 10,000 records per request as JSON
 * `{"operation", "module", "fields": [record, …]}`. A record's keys are the system keys
 * (`namecontact`…) and the labels configured in the CRM, exactly as given.
 */
export const wolkvoxCrmRecords: TargetAdapter = {
  id: 'wolkvox-crm-records',
  maxBatch: 10_000,

  buildRequest(conn, records) {
    const { operation, module } = conn.connection;
    if (!operation) throw new CargaError(msg('crm.request.missing-operation'));
    if (!module) throw new CargaError(msg('crm.request.missing-module'));
    const fields = records.map((record) => {
      const custom = Object.entries(nonEmpty(record.custom)).map(
        ([name, value]) => [name, wireValue(record.types?.[name], value)] as const,
      );
      return { ...nonEmpty(record.fields), ...Object.fromEntries(custom) };
    });
    return {
      method: 'POST',
      url: `${conn.origin}/server/API/v2/custom/insertMany.php`,
      headers: {
        'Wolkvox-Token': conn.token,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify({ operation, module, fields }),
    };
  },

  readResponse: readWolkvoxBatchResponse,
  // The CRM never says which record of a refused batch was wrong.
  bisectsRefusals: true,
  quotaRequest: crmQuotaRequest,
  readQuota: (response) => readCrmQuota(response),
};
