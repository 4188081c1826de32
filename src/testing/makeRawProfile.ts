import type { RawProfile, RawProfileFunction } from '../protocol/profileProtocol.ts';

/** A function of a test profile: its key, callers and primitive calls are filled in. */
export type ProfileFunctionSpec = Omit<RawProfileFunction, 'key' | 'callers' | 'primitiveCalls'> & { primitiveCalls?: number };

/** The worker's cProfile data for main.py, with `fns` all called from its <module> code, for tests. */
export function makeRawProfile(totalMs: number, fns: ProfileFunctionSpec[]): RawProfile {
  const root: RawProfileFunction = {
    key: 'main.py:1(<module>)',
    name: '<module>',
    file: 'main.py',
    line: 1,
    calls: 1,
    primitiveCalls: 1,
    ownMs: 1,
    cumMs: totalMs,
    callers: [],
  };
  const functions = fns.map((f) => ({
    ...f,
    primitiveCalls: f.primitiveCalls ?? f.calls,
    key: `${f.file}:${f.line}(${f.name})`,
    callers: [{ key: root.key, calls: f.calls, ownMs: f.ownMs, cumMs: f.cumMs }],
  }));
  return { roots: [root.key], totalMs, omitted: 0, functions: [root, ...functions] };
}
