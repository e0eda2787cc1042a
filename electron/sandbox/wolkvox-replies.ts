/**
 * The answers the sandbox gives, shaped like wolkvox's.
 *
 * wolkvox answers JSON `{code, error, msg, data}` and sets the HTTP status to the same code.
 * The two APIs differ in types, and the sandbox keeps the difference so the app reads both:
 *
 *   CRM (`/server/API/v2/...`), code and error are strings:
 *     success  {"code":"200","error":"null","msg":"Success","data":{...}}
 *     failure  {"code":"404","error":"REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS",
 *               "msg":"THE CUSTOM FIELD (Cuidad) DOES NOT EXIST IN THE CASES MODULE","data":null}
 *   Manager (`/api/v2/...`), code is a number and error null on success:
 *     success  {"code":200,"error":null,"msg":"Success","data":{...}}
 *     failure  {"code":404,"error":"CAMPAING_ID 7 DOES NOT EXIST IN YOUR OPERATION.",
 *               "msg":"CAMPAING_ID 7 DOES NOT EXIST IN YOUR OPERATION.","data":null}
 *
 * On failure `error` always holds the documented message exactly (seed 001), and `msg` holds it
 * too, except that a `REVIEW THE ERROR MESSAGE…` failure puts in `msg` the detail the operator
 * must review (which field, which value): that message means "read the detail".
 */

export const WOLKVOX_MESSAGES = {
  apiDoesNotExist: 'THE API YOU WANT TO CONSULT DOES NOT EXIST',
  parametersRequired: 'SOME PARAMETERS ARE REQUIRED',
  enterToken: 'PLEASE ENTER THE WOLKVOX-TOKEN',
  invalidToken: 'INVALID TOKEN',
  tokenLimitExceeded: 'TOKEN LIMIT EXCEEDED',
  simultaneousRequests: 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
  review: 'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS',
  onlyPost: 'ONLY THE USE OF THE POST METHOD IS ALLOWED IN THIS REQUEST',
  onlyGet: 'ONLY THE USE OF THE GET METHOD IS ALLOWED IN THIS REQUEST',
  recordsLimit: 'YOUR QUERY EXCEEDS THE RECORDS LIMIT (10000), PLEASE DECREASES THE RECORDS NUMBERS',
  recallDateFormat: 'THE VALID FORMAT FOR THE (RECALL_DATE) IS YYYYMMDDHHIISS (20211103164009)',
  success: 'Success',
  campaignDoesNotExist: (campaignId: string) => `CAMPAING_ID ${campaignId} DOES NOT EXIST IN YOUR OPERATION.`,
  licenseCap: (uploading: number, allowed: number) =>
    `YOU ARE UPLOADING (${uploading}) RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD ${allowed}. TRY AGAIN.`,
  recordsAdded: (added: number) => `${added} RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA`,
} as const;

/** Which wolkvox product answers: decides the JSON types of `code` and `error`. */
export type ReplyStyle = 'crm' | 'manager';
/** Who answers an endpoint: a wolkvox product, or Thalamus with its own envelope and credentials. */
export type EndpointStyle = ReplyStyle | 'thalamus';

export interface WolkvoxBody {
  code: string | number;
  error: string | null;
  msg: string;
  data: unknown;
}

export type Reply =
  | { status: number; body: WolkvoxBody }
  /** Another vendor's JSON (the sandbox's Thalamus). */
  | { status: number; json: unknown }
  /** What a proxy or a maintenance page sends instead of JSON. */
  | { status: number; html: string };

export function successReply(style: ReplyStyle, data: unknown): Reply {
  return style === 'crm'
    ? { status: 200, body: { code: '200', error: 'null', msg: WOLKVOX_MESSAGES.success, data } }
    : { status: 200, body: { code: 200, error: null, msg: WOLKVOX_MESSAGES.success, data } };
}

/** A failure with the documented message; `detail` (REVIEW failures) replaces it in `msg`. */
export function failureReply(style: ReplyStyle, status: number, message: string, detail?: string): Reply {
  return {
    status,
    body: {
      code: style === 'crm' ? String(status) : status,
      error: message,
      msg: detail ?? message,
      data: null,
    },
  };
}

export function reviewReply(style: ReplyStyle, detail: string): Reply {
  return failureReply(style, 404, WOLKVOX_MESSAGES.review, detail);
}

export function parametersRequiredReply(style: ReplyStyle): Reply {
  return failureReply(style, 400, WOLKVOX_MESSAGES.parametersRequired);
}

/** An answer a test asked for: the body's code may differ from the HTTP status on purpose. */
export function customReply(
  style: ReplyStyle,
  status: number,
  code: string | number | undefined,
  message: string,
): Reply {
  const bodyCode = code ?? status;
  return {
    status,
    body: { code: style === 'crm' ? String(bodyCode) : bodyCode, error: message, msg: message, data: null },
  };
}

export const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html><head><title>503 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1>
<p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.</p>
</body></html>
`;
