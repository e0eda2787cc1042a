/** Codes the HTTP client gives to failures of its own making, beside Node's and undici's. */
export const NETWORK_CODES = {
  /** The caller's time limit ran out. */
  timeout: 'ETIMEDOUT',
  /** The caller's signal aborted the request (cancel, pause). */
  cancelled: 'ABORT_ERR',
  /** The answer was longer than the client reads. */
  responseTooLarge: 'ERESPONSETOOLARGE',
} as const;
