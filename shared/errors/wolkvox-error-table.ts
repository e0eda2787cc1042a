import type { CrmExplanationCode } from '../messages/crm-messages';
import type { MessageParams } from '../messages/message';
import type { FailureClass } from './failure-class';

/** What one catalogued wolkvox message means. */
export interface WolkvoxFailure {
  failureClass: FailureClass;
  explanation: CrmExplanationCode;
  params?: MessageParams;
  allowed?: number;
  added?: number;
}

interface WolkvoxErrorEntry extends WolkvoxFailure {
  /** Tested against the message upper-cased with its whitespace collapsed. */
  pattern: RegExp;
  /** Reads the numbers or names the message carries; `detail` is the body's other text, if any. */
  read?: (match: RegExpExecArray, detail: string | null) => Partial<WolkvoxFailure>;
}

/** `5000`, `(12000)`, `10,000`, `5.000`: wolkvox writes counts several ways. */
const COUNT = String.raw`\(?(\d[\d.,]*)\)?`;

function count(text: string | undefined): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/**
 * Every error message of seed 001 (wolkvox "Possible error codes", 400 to 417), in the order they
 * are tested: a more specific pattern comes before one it overlaps. The message decides the class
 * whatever the status says, because wolkvox's status and body code do not always agree.
 */
const ENTRIES: readonly WolkvoxErrorEntry[] = [
  // 400
  {
    pattern: /THE API YOU WANT TO CONSULT DOES NOT EXIST/,
    failureClass: 'stop',
    explanation: 'crm.wolkvox.api-not-found',
  },
  {
    pattern: /SOME PARAMETERS ARE REQUIRED/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.parameters-required',
  },
  // 401
  {
    pattern: /PLEASE ENTER THE WOLKVOX-TOKEN/,
    failureClass: 'stop',
    explanation: 'crm.wolkvox.token-missing',
  },
  // 403
  { pattern: /TOKEN LIMIT EXCEEDED/, failureClass: 'quota', explanation: 'crm.wolkvox.token-limit' },
  {
    pattern: /LIMIT OF SIMULTANEOUS REQUESTS/,
    failureClass: 'throttled',
    explanation: 'crm.wolkvox.simultaneous',
  },
  {
    pattern: /PLEASE VALIDATE TOKEN|INVALID TOKEN/,
    failureClass: 'stop',
    explanation: 'crm.wolkvox.token-invalid',
  },
  // Not in the seed: wolkvox documents that maintenance (backups) answers 403 without giving the text.
  // The CRM is down for a while, not refusing: the job waits for it like any outage.
  { pattern: /MAINTENANCE|MANTENIMIENTO/, failureClass: 'transient', explanation: 'crm.wolkvox.maintenance' },
  // 404
  { pattern: /VALIDATE DATES ENTERED/, failureClass: 'row', explanation: 'crm.wolkvox.no-records-in-dates' },
  { pattern: /NO DATA FOUND/, failureClass: 'row', explanation: 'crm.wolkvox.no-data' },
  { pattern: /CANNOT CREATE A NEW AGENT/, failureClass: 'row', explanation: 'crm.wolkvox.agents-incomplete' },
  {
    pattern: /AGENTS EXCEED ASSIGNED LICENSES/,
    failureClass: 'stop',
    explanation: 'crm.wolkvox.agent-licenses',
  },
  { pattern: /THIS AGENT DOES NOT EXIST/, failureClass: 'row', explanation: 'crm.wolkvox.agent-not-found' },
  { pattern: /THIS CODE ALREADY EXISTS/, failureClass: 'row', explanation: 'crm.wolkvox.code-exists' },
  {
    pattern: /REVIEW THE ERROR MESSAGE/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.review-params',
    // The CRM puts what to review (which field, which value) in the other text.
    read: (_match, detail): Partial<WolkvoxFailure> => {
      if (!detail) return {};
      return lookUpReviewDetail(detail) ?? { explanation: 'crm.wolkvox.review-detail', params: { detail } };
    },
  },
  { pattern: /NO FOUND MOBIL WHATSAPP/, failureClass: 'stop', explanation: 'crm.wolkvox.whatsapp-connector' },
  {
    pattern: /SKILL_ID (\S+) DOES NOT EXIST/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.skill-not-found',
    read: (match) => ({ params: { id: match[1] ?? '' } }),
  },
  {
    // wolkvox spells it CAMPAING_ID.
    pattern: /CAMPA(?:IGN|ING)_ID (\S+) DOES NOT EXIST/,
    failureClass: 'stop',
    explanation: 'crm.wolkvox.campaign-not-found',
    read: (match) => ({ params: { id: match[1] ?? '' } }),
  },
  {
    pattern: /THE CAMPAIGN HAS NOT BEEN STARTED/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.campaign-already-started',
  },
  {
    pattern: /THE CAMPAIGN HAS NOT BEEN STOPPED/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.campaign-already-stopped',
  },
  {
    pattern: /THE CAMPAIGN HAS NOT BEEN UPDATED/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.campaign-not-updated',
  },
  // wolkvox spells it PEDICTIVE.
  {
    pattern: /ONLY IN PR?EDICTIVE CAMPAIGNS?/,
    failureClass: 'stop',
    explanation: 'crm.wolkvox.predictive-only',
  },
  { pattern: /NO RECORD HAS BEEN CODED/, failureClass: 'row', explanation: 'crm.wolkvox.not-coded' },
  {
    pattern: new RegExp(String.raw`YOU ARE UPLOADING ${COUNT} RECORDS.*YOU CAN UPLOAD ${COUNT}`),
    failureClass: 'batch',
    explanation: 'crm.wolkvox.license-cap',
    read: (match): Partial<WolkvoxFailure> => {
      const requested = count(match[1]);
      const allowed = count(match[2]);
      // Nothing can be sent: splitting would loop, so the job stops until licenses change.
      if (allowed === 0)
        return { failureClass: 'stop', explanation: 'crm.wolkvox.license-cap-zero', params: { requested } };
      return { allowed, params: { requested, allowed } };
    },
  },
  {
    pattern: new RegExp(String.raw`${COUNT} RECORDS? HA(?:S|VE) BEEN ADDED`),
    failureClass: 'partial',
    explanation: 'crm.wolkvox.partial-added',
    read: (match): Partial<WolkvoxFailure> => {
      const added = count(match[1]);
      if (added === 0) return { failureClass: 'row', explanation: 'crm.wolkvox.none-added' };
      return { added, params: { added } };
    },
  },
  {
    pattern: /CAMPAIGN RECORDS HAVE NOT BEEN DELETED/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.records-not-deleted',
  },
  // 405
  {
    pattern: /ONLY THE USE OF THE (\w+) METHOD IS ALLOWED/,
    failureClass: 'stop',
    explanation: 'crm.wolkvox.method-not-allowed',
    read: (match) => ({ params: { method: match[1] ?? '' } }),
  },
  // 412
  { pattern: /EXCEEDS THE SIZE LIMIT/, failureClass: 'stop', explanation: 'crm.wolkvox.query-size-limit' },
  {
    pattern: new RegExp(String.raw`RECORDS LIMIT ${COUNT}.*RANGE OF DATES`),
    failureClass: 'stop',
    explanation: 'crm.wolkvox.query-records-limit',
    read: (match) => ({ params: { limit: count(match[1]) } }),
  },
  {
    pattern: new RegExp(String.raw`RECORDS LIMIT ${COUNT}`),
    failureClass: 'batch',
    explanation: 'crm.wolkvox.upload-limit',
    read: (match) => ({ allowed: count(match[1]), params: { allowed: count(match[1]) } }),
  },
  // 416
  {
    pattern: /THE VALID FORMAT FOR THE \(?([A-Z_]+)\)? IS/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.date-format',
    read: (match) => ({ params: { field: match[1] ?? '' } }),
  },
  {
    pattern: /DATE_INI CANNOT BE GREATER THAN DATE_END/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.date-order',
  },
  {
    pattern: /MAXIMUM OF (\d+) DAYS?/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.date-range',
    read: (match) => ({ params: { days: count(match[1]) } }),
  },
  // 417
  {
    pattern: /NO FOUND TEMPLATE WHATSAPP/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.whatsapp-template-missing',
  },
  {
    pattern: /NO INTERACTION HAS BEEN INITIATED/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.whatsapp-no-interaction',
  },
  {
    pattern: /THERE IS NO CHAT WITH THE CUSTOMER/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.whatsapp-no-chat',
  },
  {
    pattern: /CLIENT HAS NOT RESPONDED YET/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.whatsapp-no-reply',
  },
  {
    pattern: /MORE THAN 24 HOURS HAVE PASSED/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.whatsapp-window-expired',
  },
  { pattern: /NUMBER LESS THAN 7 DIGITS/, failureClass: 'row', explanation: 'crm.wolkvox.phone-too-short' },
  {
    pattern: /UNABLE TO CONNECT/,
    failureClass: 'transient',
    explanation: 'crm.wolkvox.database-unreachable',
  },
  {
    pattern: /COULD NOT SEND TEMPLATE/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.whatsapp-template-first',
  },
  {
    pattern: /NO RECORD INSERTED/,
    failureClass: 'transient',
    explanation: 'crm.wolkvox.record-not-inserted',
  },
  {
    pattern: /MESSAGE COULD NOT BE SENT/,
    failureClass: 'transient',
    explanation: 'crm.wolkvox.message-server-unreachable',
  },
  {
    pattern: /THE NUMBER OF VARIABLES IS:? *(\S+)/,
    failureClass: 'row',
    explanation: 'crm.wolkvox.whatsapp-variables',
    read: (match) => ({ params: { expected: match[1] ?? '' } }),
  },
  { pattern: /MESSAGE HAS NOT BEEN SENT/, failureClass: 'row', explanation: 'crm.wolkvox.message-not-sent' },
];

/** The catalogued meaning of a wolkvox error message, or null when it is not in the catalogue. */
export function lookUpWolkvoxMessage(text: string, detail: string | null): WolkvoxFailure | null {
  const normalized = text.toUpperCase().replace(/\s+/g, ' ').trim();
  for (const entry of ENTRIES) {
    const match = entry.pattern.exec(normalized);
    if (!match) continue;
    const found: WolkvoxFailure = { failureClass: entry.failureClass, explanation: entry.explanation };
    return { ...found, ...entry.read?.(match, detail) };
  }
  return null;
}

/**
 * The details the CRM gives with `REVIEW THE ERROR MESSAGE…` (which field, which value), each
 * explained in the operator's words with advice for that detail alone. `field` names the field
 * at fault (as mapped: `contact`, `form.Ciudad`, a module's label), so Results can highlight
 * the column mapped to it. Tested against the detail as the CRM wrote it, case ignored.
 */
const REVIEW_DETAILS: readonly {
  pattern: RegExp;
  read: (match: RegExpExecArray) => Pick<WolkvoxFailure, 'explanation' | 'params'>;
}[] = [
  {
    // T1's most common refusal: the case names a contact the operation does not have yet.
    pattern: /THE CONTACT \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.contact-not-found',
      params: { contact: m[1] ?? '', field: 'contact' },
    }),
  },
  {
    pattern: /THE RESPONSIBLE USER \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.responsible-not-found',
      params: { user: m[1] ?? '', field: 'responsible' },
    }),
  },
  {
    pattern: /THE OWNER USER \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.owner-not-found',
      params: { user: m[1] ?? '', field: 'owner' },
    }),
  },
  {
    pattern: /THE CASE TYPE \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.case-type-not-found',
      params: { value: m[1] ?? '', field: 'case-type' },
    }),
  },
  {
    pattern: /THE STATUS \((.*)\) IS NOT VALID(?:, USE ONE OF:? *(.*))?/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.status-not-valid',
      params: { value: m[1] ?? '', allowed: m[2] ?? 'open', field: 'status' },
    }),
  },
  {
    pattern: /THE PRIORITY \((.*)\) IS NOT VALID(?:, USE ONE OF:? *(.*))?/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.priority-not-valid',
      params: { value: m[1] ?? '', allowed: m[2] ?? 'low', field: 'priority' },
    }),
  },
  {
    pattern: /THE CUSTOM FIELD \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.custom-field-not-found',
      params: { name: m[1] ?? '', field: m[1] ?? '' },
    }),
  },
  {
    pattern: /THE USER \((.*)\) OF THE FIELD \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.field-user-not-found',
      params: { user: m[1] ?? '', name: m[2] ?? '', field: m[2] ?? '' },
    }),
  },
  {
    pattern: /THE FIELD \((.*)\) DOES NOT EXIST IN THE MODULE \((.*)\)/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.module-field-not-found',
      params: { name: m[1] ?? '', module: m[2] ?? '', field: m[1] ?? '' },
    }),
  },
  {
    pattern: /THE (?:CUSTOM )?FIELD \((.*)\) (?:OF TYPE \w+ )?MUST HAVE/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.field-value-shape',
      params: { name: m[1] ?? '', field: m[1] ?? '' },
    }),
  },
  {
    pattern: /THE (?:FIELD|FILE) \((.*)\) EXCEEDS THE LIMIT OF (.*)/i,
    read: (m) => ({
      explanation: 'crm.wolkvox.field-too-large',
      params: { name: m[1] ?? '', limit: m[2] ?? '', field: m[1] ?? '' },
    }),
  },
  {
    pattern: /THE OPERATION \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({ explanation: 'crm.wolkvox.operation-not-found', params: { operation: m[1] ?? '' } }),
  },
  {
    pattern: /THE MODULE \((.*)\) DOES NOT EXIST/i,
    read: (m) => ({ explanation: 'crm.wolkvox.module-not-found', params: { module: m[1] ?? '' } }),
  },
  {
    pattern: /THE FORM FIELD MUST BE A JSON OBJECT/i,
    read: () => ({ explanation: 'crm.wolkvox.form-not-object' }),
  },
];

function lookUpReviewDetail(detail: string): Pick<WolkvoxFailure, 'explanation' | 'params'> | null {
  for (const entry of REVIEW_DETAILS) {
    const match = entry.pattern.exec(detail);
    if (match) return entry.read(match);
  }
  return null;
}
