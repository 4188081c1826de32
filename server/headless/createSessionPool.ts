import type { PageEngine } from './createPageEngine.ts';
import { createSessionProject, type SessionProject } from './createSessionProject.ts';
import { SessionsFullError } from './EngineLostError.ts';
import type { ExecutionResult } from '../../src/protocol/results.ts';
import type { RunPolicy } from '../../src/protocol/policy.ts';

/** One session: an interpreter that keeps its state between calls, and a project folder. */
export interface EngineSession {
  readonly id: string;
  readonly engine: PageEngine;
  readonly project: SessionProject;
  /** Why this session's interpreter is new though the session is not (idle close, crash), said once; null otherwise. */
  takeNotice(): string | null;
  /** The session's last run (handle_error explains it). */
  lastResult: ExecutionResult | null;
}

/** What starts interpreters for the pool (the headless browser: see createHeadlessHost). */
export interface PoolHost {
  /** A ready engine with this safe-mode policy (the engine's default when absent), or an Error saying why not. */
  startEngine(policy?: RunPolicy): Promise<PageEngine>;
}

/** Options of {@link createSessionPool}. */
export interface SessionPoolOptions {
  host: PoolHost;
  /** Most sessions with an interpreter at once (EXECUTOR_MCP_MAX_SESSIONS). */
  maxSessions: number;
  /** A session unused this long loses its interpreter (EXECUTOR_MCP_IDLE_MINUTES); its files stay. */
  idleMs: number;
  /** Called when a session's interpreter was closed for idleness (the HTTP server ends that MCP session). */
  onIdle?: (id: string) => void;
  /** Safe mode of every session (EXECUTOR_SANDBOX_MODE, ...); the engine's default when absent. */
  policy?: RunPolicy;
  now?: () => number;
}

/** Sessions by id, each with its own interpreter (a page of the one headless browser) and files. */
export interface SessionPool {
  /** Runs `work` with the session `id` (started when it has no interpreter); a lost interpreter throws EngineLostError. */
  use<T>(id: string, work: (session: EngineSession) => Promise<T>): Promise<T>;
  /** The session's files, without starting its interpreter. */
  project(id: string): SessionProject;
  /** Closes the session and forgets its files. */
  close(id: string): Promise<void>;
  closeAll(): Promise<void>;
  /** Sessions with a live interpreter. */
  readonly size: number;
  /** Closes interpreters idle longer than idleMs (the pool calls this itself every so often). */
  reapIdle(): Promise<void>;
}

interface Slot {
  id: string;
  project: SessionProject;
  engine: Promise<PageEngine> | null;
  notice: string | null;
  lastResult: ExecutionResult | null;
  busy: number;
  lastUsed: number;
}

/** Creates the session pool; call `closeAll` to end it. */
export function createSessionPool(options: SessionPoolOptions): SessionPool {
  const now = options.now ?? Date.now;
  const slots = new Map<string, Slot>();

  const live = () => [...slots.values()].filter((s) => s.engine !== null).length;

  async function start(slot: Slot): Promise<PageEngine> {
    try {
      const engine = await options.host.startEngine(options.policy);
      // What the session's programs write becomes part of its files (list_files and read_file see it).
      engine.onFilesChanged((changes) => {
        const refused = slot.project.applyChanges(changes);
        if (refused.length > 0) slot.notice = `Left out of the session's files: ${refused.join('; ')}.`;
      });
      return engine;
    } finally {
      slot.lastUsed = now();
    }
  }

  async function engineOf(slot: Slot): Promise<PageEngine> {
    if (slot.engine) {
      const engine = await slot.engine.catch(() => null);
      if (engine && !engine.lost) return engine;
      slot.notice = engine?.lost
        ? `${engine.lost} This is a fresh interpreter: variables and installed packages are gone; the session's files are kept.`
        : null;
      slot.engine = null;
    }
    if (live() >= options.maxSessions)
      throw new SessionsFullError(
        `Executor already runs ${options.maxSessions} sessions, its limit (EXECUTOR_MCP_MAX_SESSIONS): close a session or try again when one has been idle for ${Math.round(options.idleMs / 60_000)} min.`,
      );
    slot.engine = start(slot);
    slot.engine.catch(() => {
      slot.engine = null;
    });
    return slot.engine;
  }

  const reaper = setInterval(() => void pool.reapIdle(), Math.max(1000, Math.min(30_000, options.idleMs / 4)));
  reaper.unref();

  const slotOf = (id: string): Slot => {
    let slot = slots.get(id);
    if (!slot) {
      slot = { id, project: createSessionProject(), engine: null, notice: null, lastResult: null, busy: 0, lastUsed: now() };
      slots.set(id, slot);
    }
    return slot;
  };

  const pool: SessionPool = {
    project: (id) => slotOf(id).project,
    async use(id, work) {
      const current = slotOf(id);
      current.busy++;
      try {
        const engine = await engineOf(current);
        current.lastUsed = now();
        return await work({
          id,
          engine,
          project: current.project,
          takeNotice() {
            const notice = current.notice;
            current.notice = null;
            return notice;
          },
          get lastResult() {
            return current.lastResult;
          },
          set lastResult(result) {
            current.lastResult = result;
          },
        });
      } finally {
        current.busy--;
        current.lastUsed = now();
      }
    },
    async close(id) {
      const slot = slots.get(id);
      slots.delete(id);
      const engine = await slot?.engine?.catch(() => null);
      await engine?.close();
    },
    async closeAll() {
      clearInterval(reaper);
      await Promise.all([...slots.keys()].map((id) => pool.close(id)));
    },
    get size() {
      return live();
    },
    async reapIdle() {
      const idle = [...slots.values()].filter((s) => s.engine && s.busy === 0 && now() - s.lastUsed > options.idleMs);
      for (const slot of idle) {
        const engine = await slot.engine?.catch(() => null);
        slot.engine = null;
        slot.notice = `The session was idle for more than ${Math.round(options.idleMs / 60_000)} min, so its interpreter was closed. This is a fresh one: variables and installed packages are gone; the session's files are kept.`;
        await engine?.close();
        options.onIdle?.(slot.id);
      }
    },
  };
  return pool;
}
