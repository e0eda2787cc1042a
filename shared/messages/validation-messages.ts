import type { MessageCatalog } from './message';

export const validationMessages = {
} as const satisfies MessageCatalog;
