import type { MessageCatalog } from './message';

export const jobMessages = {
} as const satisfies MessageCatalog;
