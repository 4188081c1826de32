import { configFromEnv } from '../../src/config/configFromEnv.ts';
import { parseMemoryMB, type ExecutorConfig } from '../../src/config/executorConfig.ts';
import type { RunOptions } from '../../src/protocol/results.ts';
import type { RunPolicy } from '../../src/protocol/policy.ts';

/** What the MCP server and the CLI run with: the app's EXECUTOR_* defaults and the session limits. */
export interface HeadlessSettings {
  config: ExecutorConfig;
  /** Limits of a run when the call names none (TIMEOUT, MAX_MEMORY, MAX_OUTPUT_LENGTH). */
  runOptions: Pick<RunOptions, 'timeoutMs' | 'maxMemoryMB' | 'maxOutputChars'>;
  /** Safe mode as SANDBOX_MODE, ALLOWED_MODULES + SAFE_STDLIB and FORBIDDEN_FUNCTIONS say. */
  policy: RunPolicy;
  /** EXECUTOR_MCP_MAX_SESSIONS (default 10). */
  maxSessions: number;
  /** EXECUTOR_MCP_IDLE_MINUTES (default 15), in ms. */
  idleMs: number;
  /**
   * EXECUTOR_REPLICA_ID: this replica's name behind a load balancer, the prefix of its MCP session ids
   * (`r1-…`), so the balancer can route a session's requests to it (docs/deploy.md); null when unset.
   */
  replicaId: string | null;
}

/** What a replica id may be: it starts session ids, which travel in a header. */
const REPLICA_ID = /^[A-Za-z0-9_]{1,32}$/;

function replicaIdOf(env: NodeJS.ProcessEnv, problems: string[]): string | null {
  const raw = env.EXECUTOR_REPLICA_ID?.trim();
  if (!raw) return null;
  if (REPLICA_ID.test(raw)) return raw;
  problems.push(
    `EXECUTOR_REPLICA_ID must be 1-32 letters, digits or underscores (it starts this replica's session ids); got "${raw.slice(0, 80)}". Session ids get no prefix.`,
  );
  return null;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (Number.isFinite(value) && value >= min && value <= max) return value;
  problems.push(`${name} must be a number from ${min} to ${max}; got "${raw}". Using ${fallback}.`);
  return fallback;
}

/** Reads the settings from the environment; each problem names the variable, and its default is used instead. */
export function headlessSettings(env: NodeJS.ProcessEnv): { settings: HeadlessSettings; problems: string[] } {
  const { config, problems } = configFromEnv(env);
  const all = [...problems];
  const settings: HeadlessSettings = {
    config,
    runOptions: {
      timeoutMs: Math.round(config.TIMEOUT * 1000),
      maxMemoryMB: parseMemoryMB(config.MAX_MEMORY) ?? 512,
      maxOutputChars: config.MAX_OUTPUT_LENGTH,
    },
    policy: {
      sandboxMode: config.SANDBOX_MODE,
      allowedModules: [...new Set([...config.ALLOWED_MODULES, ...config.SAFE_STDLIB])],
      forbiddenFunctions: [...config.FORBIDDEN_FUNCTIONS],
    },
    maxSessions: Math.round(whole(env, 'EXECUTOR_MCP_MAX_SESSIONS', 10, 1, 1000, all)),
    idleMs: Math.round(whole(env, 'EXECUTOR_MCP_IDLE_MINUTES', 15, 0.05, 24 * 60, all) * 60_000),
    replicaId: replicaIdOf(env, all),
  };
  return { settings, problems: all };
}
