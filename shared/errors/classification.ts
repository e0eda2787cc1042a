import type { Message } from '../messages/message';
import type { FailureClass } from './failure-class';

/** What one response (or a failure to get one) means for the rows it carried. */
export type Classification =
  | {
      kind: 'ok';
      /** The CRM's id(s) when it returned any (T1/T4: one per row; batches: usually none). */
      ids: string[];
      /** The raw `data` the CRM returned, kept for the journal (trimmed to a sane size). */
      data?: unknown;
    }
  | {
      kind: 'failure';
      failureClass: FailureClass;
      /** The HTTP status or the body's code, as text (`"404"`), or a network code (`ECONNRESET`). */
      code: string;
      /** The CRM's own message as it sent it (`REVIEW THE ERROR MESSAGE…`), or the network error. */
      message: string;
      /** Plain explanation and likely fix, in both languages. */
      explanation: Message;
      /** Batch: how many records the CRM allows in one request (license cap `YOU CAN UPLOAD Y`, or 10000). */
      allowed?: number;
      /** Partial batch: how many records the CRM says it added. */
      added?: number;
      /** Thalamus: the party's login was refused (401 NotLoggedIn), not the token or touchpoint. */
      partyRefused?: true;
    };
