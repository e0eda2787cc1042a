import type { MessageCatalog } from './message';

export const crmMessages = {
} as const satisfies MessageCatalog;
