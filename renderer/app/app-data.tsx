import { createContext, useContext, type ReactNode } from 'react';

import type { AppInfo, ConnectionSummary, TargetDescriptor, TargetId } from '../../shared/contract';

export interface AppData {
  info: AppInfo;
  targets: TargetDescriptor[];
  connections: ConnectionSummary[];
  reloadConnections(): Promise<ConnectionSummary[]>;
}

const AppDataContext = createContext<AppData | null>(null);

export function AppDataProvider({ value, children }: { value: AppData; children: ReactNode }) {
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext);
  if (!value) throw new Error('useAppData() outside <AppDataProvider>');
  return value;
}

export function useTarget(id: TargetId | null): TargetDescriptor | null {
  const { targets } = useAppData();
  return targets.find((target) => target.id === id) ?? null;
}
