/** Where the rest of the code takes a text-as-data from: the type lives beside the codes it
 * names (catalog.ts), so this module imports the catalog and nothing imports it back. */
export type { Message } from './catalog';
export type { MessageParams } from './catalog-types';
