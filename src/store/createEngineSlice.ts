import { runPolicyOf } from '../config/configSettings.ts';
import type { EngineSlice, SliceCreator } from './types.ts';

/** Engine slice: mirrors the engine's status and routes its events into the console. */
export const createEngineSlice: SliceCreator<EngineSlice> = (set, get) => ({
  engine: null,
  status: { state: 'starting', detail: 'Starting Python', progress: 0 },
  attachEngine(engine) {
    engine.on('status', (status) => set({ status }));
    engine.on('output', (chunks) => get().appendOutput(chunks));
    engine.on('notice', (text) => get().appendEntry('notice', text));
    engine.on('download', (tick) => get().recordDownload(tick));
    engine.on('display', (display) => get().appendDisplay(display));
    engine.on('input', () => set({ awaitingInput: true }));
    engine.setPolicy(runPolicyOf(get().settings)); // the user's safe-mode settings, from the first run on
    get().bindMonitor(engine); // live samples, history, ENABLE_PROFILING / COLLECT_METRICS
    set({ engine, status: engine.status });
  },
});
