import type { EngineSlice, SliceCreator } from './types.ts';

/** Engine slice: mirrors the engine's status and routes its events into the console. */
export const createEngineSlice: SliceCreator<EngineSlice> = (set, get) => ({
  engine: null,
  status: { state: 'starting', detail: 'Starting Python', progress: 0 },
  attachEngine(engine) {
    engine.on('status', (status) => set({ status }));
    engine.on('output', (chunks) => get().appendOutput(chunks));
    engine.on('notice', (text) => get().appendEntry('notice', text));
    set({ engine, status: engine.status });
  },
});
