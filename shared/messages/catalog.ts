import type { Lang } from '../lang';
import type { MessageCatalog, MessageParams } from './catalog-types';
import { cliHelpMessages } from './cli-help-messages';
import { cliMessages } from './cli-messages';
import { contactsMessages } from './contacts-messages';
import { crmMessages } from './crm-messages';
import { engineMessages } from './engine-messages';
import { fileMessages } from './file-messages';
import { frontDoorMessages } from './front-door-messages';
import { jobMessages } from './job-messages';
import { jobSafetyMessages } from './job-safety-messages';
import { ledgerMessages } from './ledger-messages';
import { reportMessages } from './report-messages';
import { sandboxMessages } from './sandbox-messages';
import { serverListMessages } from './server-list-messages';
import { storageMessages } from './storage-messages';
import { validationMessages } from './validation-messages';

/** Every engine text, each in Spanish and English. One module per area keeps ownership clear. */
export const catalog = {
  ...fileMessages,
  ...validationMessages,
  ...crmMessages,
  ...jobMessages,
  ...cliMessages,
  ...engineMessages,
  ...frontDoorMessages,
  ...sandboxMessages,
  ...jobSafetyMessages,
  ...ledgerMessages,
  ...storageMessages,
  ...reportMessages,
  ...cliHelpMessages,
  ...contactsMessages,
  ...serverListMessages,
} satisfies MessageCatalog;

export type MessageCode = keyof typeof catalog;

/** A user-visible text as data: a code and its parameters, rendered in the operator's language
 * only where it is shown. Crosses IPC and HTTP as plain JSON. */
export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(catalog, code);
}

export function fillParams(text: string, params: MessageParams | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function formatMessage(lang: Lang, message: Message): string {
  return fillParams(catalog[message.code][lang], message.params);
}

export function msg(code: MessageCode, params?: MessageParams): Message {
  return params ? { code, params } : { code };
}
