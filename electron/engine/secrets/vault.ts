/** Where tokens live once entered. Keys are connection ids; values never leave the engine
 * except in the request header they are meant for. */
export interface Vault {
  get(key: string): Promise<string | undefined>;
  set(key: string, token: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
}
