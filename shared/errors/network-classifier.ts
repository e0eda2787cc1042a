import type { Classification } from './classification';
import { explainAt, failure, type ErrorPlace, type Failure } from './failure';
import { NETWORK_CODES } from './network-codes';

/**
 * A request that got no answer. Before the request was fully written nothing reached the CRM, so
 * it is safe to send again (`transient`); after, the CRM may have acted on it (`uncertain`). A
 * certificate that cannot be verified or a request that cannot be built will not get better by
 * retrying, so those stop the job.
 */
export function classifyNetworkError(
  code: string,
  message: string,
  sent: boolean,
  timedOut: boolean,
  place?: ErrorPlace,
): Classification {
  const result = ((): Failure => {
    if (isTlsFailure(code)) return failure('stop', code, message, 'crm.network.tls', { code });
    if (isInvalidRequest(code))
      return failure('stop', code, message, 'crm.network.invalid-request', { code });
    if (code === NETWORK_CODES.responseTooLarge)
      return failure('uncertain', code, message, 'crm.network.response-too-large');
    if (code === NETWORK_CODES.cancelled) {
      return sent
        ? failure('uncertain', code, message, 'crm.network.cancelled-after-send')
        : failure('transient', code, message, 'crm.network.cancelled-before-send');
    }
    if (sent) {
      return timedOut
        ? failure('uncertain', code, message, 'crm.network.timeout-after-send')
        : failure('uncertain', code, message, 'crm.network.dropped-after-send', { code });
    }
    if (code === 'ECONNREFUSED') return failure('transient', code, message, 'crm.network.refused');
    if (/^(ENOTFOUND|EAI_)/.test(code)) return failure('transient', code, message, 'crm.network.dns');
    if (timedOut || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
      return failure('transient', code, message, 'crm.network.connect-timeout');
    }
    return failure('transient', code, message, 'crm.network.not-sent', { code });
  })();
  return explainAt(result, place);
}

function isTlsFailure(code: string): boolean {
  return /CERT|^ERR_TLS_|^ERR_SSL_|^EPROTO$/.test(code);
}

function isInvalidRequest(code: string): boolean {
  return code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN';
}
