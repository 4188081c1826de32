import { runPolicyOf } from '../config/configSettings.ts';
import type { EngineSlice, SliceCreator } from './types.ts';

/** A run that ends sooner than this never shows "Running": the page does not re-render twice for a blink. */
export const RUNNING_SHOWN_AFTER_MS = 60;

/** Engine slice: mirrors the engine's status and routes its events into the console. */
export const createEngineSlice: SliceCreator<EngineSlice> = (set, get) => ({
  engine: null,
  status: { state: 'starting', detail: 'Starting Python', progress: 0 },
  capabilities: null,
  capabilityNoticeClosed: false,
  closeCapabilityNotice() {
    set({ capabilityNoticeClosed: true });
  },
  attachEngine(engine) {
    engine.on('capabilities', (capabilities) => set({ capabilities }));
    let running: ReturnType<typeof setTimeout> | null = null;
    engine.on('status', (status) => {
      if (running !== null) clearTimeout(running);
      running = null;
      if (status.state === 'running' && get().status.state === 'ready') {
        running = setTimeout(() => {
          running = null;
          set({ status });
        }, RUNNING_SHOWN_AFTER_MS);
        return;
      }
      const shown = get().status;
      if (status.state === 'ready' && shown.state === 'ready' && status.detail === shown.detail && status.boot === shown.boot) return;
      set({ status });
    });
    engine.on('output', (chunks) => get().appendOutput(chunks));
    engine.on('notice', (text) => get().appendEntry('notice', text));
    engine.on('download', (tick) => get().recordDownload(tick));
    engine.on('display', (display) => get().appendDisplay(display));
    engine.on('input', () => get().setAwaitingInput(true));
    // What any run wrote comes back into the project (it arrives before the run's result); what a cap left out is named.
    engine.on('filesChanged', (changes) => {
      for (const refused of get().applyFileChanges(changes)) get().appendEntry('notice', `Left out of the project: ${refused}.`);
    });
    // Any run (the editor's, a batch's, the agent's) may have changed the names the Variables tab lists.
    engine.on('result', () => get().namespaceChanged());
    engine.setPolicy(runPolicyOf(get().settings)); // the user's safe-mode settings, from the first run on
    get().bindMonitor(engine); // live samples, history, ENABLE_PROFILING / COLLECT_METRICS
    get().bindDebugger(engine); // pauses of any debug run, the editor's or the agent's
    set({ engine, status: engine.status, capabilities: engine.capabilities });
  },
});
