import type { MessageCatalog } from './message';

export const cliMessages = {
} as const satisfies MessageCatalog;
