import type { EngineEvents } from './engine.ts';

/** The engine's listeners, by event. */
export interface Emitter {
  emit: <K extends keyof EngineEvents>(event: K, ...args: Parameters<EngineEvents[K]>) => void;
  /** Adds a listener; the function returned removes it. */
  on: <K extends keyof EngineEvents>(event: K, listener: EngineEvents[K]) => () => void;
}

/** Creates the engine's event emitter. */
export function createEmitter(): Emitter {
  const listeners: { [K in keyof EngineEvents]?: Set<EngineEvents[K]> } = {};
  return {
    emit(event, ...args) {
      for (const listener of listeners[event] ?? []) (listener as (...a: typeof args) => void)(...args);
    },
    on(event, listener) {
      const set: Set<EngineEvents[typeof event]> = listeners[event] ?? new Set();
      listeners[event] = set as (typeof listeners)[typeof event];
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
