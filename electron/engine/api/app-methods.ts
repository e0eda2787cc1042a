import packageJson from '../../../package.json' with { type: 'json' };
import type { CargaApi } from '../../../shared/contract';
import { TARGET_SPECS } from '../../../shared/targets/catalog';
import type { EngineParts } from './engine-parts';

export type AppMethods = Pick<CargaApi, 'getAppInfo' | 'listTargets'>;

/** What the app is and what it can import into. */
export function appMethods({ lang, frontDoor, sandbox }: EngineParts): AppMethods {
  return {
    getAppInfo: async () => ({
      version: packageJson.version,
      lang,
      frontDoor,
      sandboxOrigin: sandbox?.origin ?? null,
    }),
    listTargets: async () => Object.values(TARGET_SPECS),
  };
}
