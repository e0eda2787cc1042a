import { useEffect, useEffectEvent } from 'react';

import type { EngineEvent } from '../../shared/contract';
import { useBridge } from './bridge-context';

/** Listens to the engine's events while the component is mounted. */
export function useEngineEvents(listener: (event: EngineEvent) => void): void {
  const bridge = useBridge();
  const onEvent = useEffectEvent(listener);
  useEffect(() => bridge.onEvent((event) => onEvent(event)), [bridge]);
}
