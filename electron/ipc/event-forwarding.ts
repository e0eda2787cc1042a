import type { EngineClient, EngineEvent } from '../../shared/contract';
import { EVENT_CHANNEL } from './channels';

/** The part of a WebContents events are sent to. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, event: EngineEvent): void;
}

/**
 * Pushes every engine event to the window on `carga:event`. `target()` is asked at each event
 * because the window may be closed while a job runs and opened again later.
 * Returns the function that stops forwarding.
 */
export function forwardEvents(
  engine: Pick<EngineClient, 'onEvent'>,
  target: () => EventTarget | null,
): () => void {
  return engine.onEvent((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
