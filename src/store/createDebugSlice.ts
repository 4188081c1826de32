import type { Breakpoint, DebugPause, FrameScope } from '../protocol/debug.ts';
import type { VariableRow, VariablesPage } from '../protocol/variables.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import { debugKey, parseDebugKey, type DebugSlice } from './debugTypes.ts';
import type { VariableChildren } from './variablesTypes.ts';
import type { AppState, SliceCreator } from './types.ts';
import { textOf } from '../project/fileContent.ts';

const sameLine = (b: Breakpoint, file: string, line: number) => b.file === file && b.line === line;
const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The breakpoints a run is given: those in files the project still has. */
export function runBreakpoints(s: Pick<AppState, 'breakpoints' | 'files'>): Breakpoint[] {
  const paths = new Set(s.files.map((f) => f.path));
  return s.breakpoints
    .filter((b) => paths.has(b.file))
    .map((b) => ({ file: b.file, line: b.line, ...(b.condition ? { condition: b.condition } : {}) }));
}

/**
 * Debug slice: breakpoints, and runs under the step debugger. While a run is paused it shows the stack, the
 * selected frame's names (expanded lazily), and watched expressions evaluated at every pause.
 */
export const createDebugSlice: SliceCreator<DebugSlice> = (set, get) => {
  // Bumped at every pause and frame change: answers about an earlier one are dropped.
  let view = 0;
  const put = (key: string, next: Partial<VariableChildren>) =>
    set((s) => ({
      debugTree: { ...s.debugTree, [key]: { rows: [], total: 0, loading: false, error: null, ...s.debugTree[key], ...next } },
    }));

  const listNames = async (key: string): Promise<void> => {
    const { engine, debugFrame } = get();
    if (!engine) return;
    const seen = view;
    const target: { scope: FrameScope; name: string | null; path: number[] } =
      key === 'locals' || key === 'globals' ? { scope: key, name: null, path: [] } : parseDebugKey(key);
    put(key, { loading: true, error: null });
    try {
      const page = (await engine.inspectFrame({
        kind: 'variables',
        frame: debugFrame,
        scope: target.scope,
        request: { name: target.name, path: target.path, offset: 0 },
      })) as VariablesPage;
      if (seen === view) put(key, { rows: page.rows, total: page.total, loading: false });
    } catch (err) {
      if (seen === view) put(key, { loading: false, error: `Could not list these: ${why(err)}` });
    }
  };

  const evaluateWatch = async (index: number): Promise<void> => {
    const { engine, debugFrame, debugWatches } = get();
    const watch = debugWatches[index];
    if (!engine || !watch) return;
    const seen = view;
    const update = (next: Partial<(typeof debugWatches)[number]>) =>
      set((s) => ({
        debugWatches: s.debugWatches.map((w, i) => (i === index && w.expression === watch.expression ? { ...w, ...next } : w)),
      }));
    update({ loading: true });
    try {
      const result = (await engine.inspectFrame({ kind: 'evaluate', frame: debugFrame, expression: watch.expression })) as VariableRow;
      if (seen === view) update({ result, error: null, loading: false });
    } catch (err) {
      if (seen === view) update({ result: null, error: why(err), loading: false });
    }
  };

  const showFrame = (pause: DebugPause, index: number): void => {
    const frame = pause.frames[index] ?? { file: pause.file, line: pause.line };
    // Stepping into another project file opens its tab, at the line.
    if (get().files.some((f) => f.path === frame.file)) get().revealLine(frame.file, frame.line);
    get().debugWatches.forEach((_, i) => void evaluateWatch(i));
  };

  const onPaused = (pause: DebugPause): void => {
    view++;
    set({
      debugPause: pause,
      debugFrame: 0,
      debugTree: { locals: { rows: pause.locals.rows, total: pause.locals.total, loading: false, error: null } },
      debugExpanded: ['locals'],
    });
    // A pause of the agent's debug run (not the slice's) leaves a phone on the chat that asked for it.
    get().showPanel('debug', { keepView: !get().debugging });
    showFrame(pause, 0);
  };

  const underDebugger = async (extra: Parameters<AppState['runCode']>[0]): Promise<ExecutionResult | null> => {
    const { engine, running } = get();
    if (!engine || running) return null;
    set({ debugging: true, debugPause: null, debugTree: {}, debugExpanded: [] });
    try {
      return await get().runCode(extra);
    } finally {
      view++;
      set({ debugging: false, debugPause: null, debugTree: {}, debugExpanded: [] });
    }
  };

  return {
    bindDebugger(engine) {
      engine.on('paused', onPaused);
      // A debug run the agent drives ends without underDebugger: its last pause goes with it.
      engine.on('result', () => {
        if (!get().debugPause) return;
        view++;
        set({ debugPause: null, debugTree: {}, debugExpanded: [] });
      });
    },
    breakpoints: [],
    debugging: false,
    debugPause: null,
    debugFrame: 0,
    debugTree: {},
    debugExpanded: [],
    debugWatches: [],
    restoreBreakpoints(breakpoints) {
      set({ breakpoints });
    },
    toggleBreakpoint(file, line) {
      const { breakpoints } = get();
      set({
        breakpoints: breakpoints.some((b) => sameLine(b, file, line))
          ? breakpoints.filter((b) => !sameLine(b, file, line))
          : [...breakpoints, { file, line }].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
      });
    },
    setBreakpointCondition(file, line, condition) {
      const text = condition.trim();
      const rest = get().breakpoints.filter((b) => !sameLine(b, file, line));
      set({
        breakpoints: [...rest, { file, line, ...(text ? { condition: text } : {}) }].sort(
          (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
        ),
      });
    },
    removeBreakpoint(file, line) {
      set({ breakpoints: get().breakpoints.filter((b) => !sameLine(b, file, line)) });
    },
    debugCode(options = {}) {
      const s = get();
      const breakpoints = runBreakpoints(s);
      if (options.toLine !== undefined) breakpoints.push({ file: s.activePath, line: options.toLine, temporary: true });
      return underDebugger({ debug: { breakpoints } });
    },
    debugTest(nodeId) {
      const s = get();
      const file = nodeId.split('::')[0] ?? '';
      const source = file === s.activePath ? s.code : (textOf(s.files.find((f) => f.path === file)) ?? '');
      // The test file's source is what safe mode checks and what says which packages to load.
      return underDebugger({ code: source, filename: file || s.activePath, debug: { breakpoints: runBreakpoints(s), test: nodeId } });
    },
    resumeDebug(action, options = {}) {
      const s = get();
      if (!s.engine || !s.debugPause) return;
      const breakpoints = runBreakpoints(s);
      if (options.toLine !== undefined) breakpoints.push({ file: s.activePath, line: options.toLine, temporary: true });
      if (!s.engine.resumeDebug(action, breakpoints)) return;
      view++;
      set({ debugPause: null, debugTree: {}, debugExpanded: [] });
    },
    async selectDebugFrame(index) {
      const pause = get().debugPause;
      if (!pause || index < 0 || index >= pause.frames.length) return;
      view++;
      set({ debugFrame: index, debugTree: {}, debugExpanded: ['locals'] });
      showFrame(pause, index);
      await listNames('locals');
    },
    async toggleDebugVariable(key) {
      const { debugExpanded, debugTree } = get();
      if (debugExpanded.includes(key)) {
        set({ debugExpanded: debugExpanded.filter((k) => k !== key) });
        return;
      }
      set({ debugExpanded: [...debugExpanded, key] });
      if (!debugTree[key]) await listNames(key);
    },
    async addDebugWatch(expression) {
      const text = expression.trim();
      if (!text) return;
      set((s) => ({ debugWatches: [...s.debugWatches, { expression: text, result: null, error: null, loading: false }] }));
      if (get().debugPause) await evaluateWatch(get().debugWatches.length - 1);
    },
    removeDebugWatch(index) {
      set((s) => ({ debugWatches: s.debugWatches.filter((_, i) => i !== index) }));
    },
  };
};

export { debugKey };
