import type { MessageCatalog } from './message';

export const fileMessages = {
} as const satisfies MessageCatalog;
