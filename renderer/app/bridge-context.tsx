import { createContext, useContext, type ReactNode } from 'react';

import type { Bridge } from '../bridge/bridge';

const BridgeContext = createContext<Bridge | null>(null);

/** The one way components reach the engine; tests put a fake bridge here. */
export function BridgeProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge() outside <BridgeProvider>');
  return bridge;
}
