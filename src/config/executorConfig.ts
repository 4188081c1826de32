import { SAFE_STDLIB } from './safeStdlib.ts';

/**
 * The one configuration, with the seed's `ExecutorConfig` names and defaults.
 * `SAFE_STDLIB` (the curated safe part of the standard library) is Executor's
 * addition: with `ALLOWED_MODULES` it makes the module allowlist of safe mode.
 */
export interface ExecutorConfig {
  /** Maximum run time, in seconds. */
  TIMEOUT: number;
  /** Maximum interpreter heap, like "512MB" or "2GB". */
  MAX_MEMORY: string;
  /** Maximum output, in characters. */
  MAX_OUTPUT_LENGTH: number;
  /** Safe mode: validate_code refuses risky code and the runtime policy is enforced. */
  SANDBOX_MODE: boolean;
  ALLOWED_MODULES: string[];
  SAFE_STDLIB: string[];
  FORBIDDEN_FUNCTIONS: string[];
  PYTEST_ARGS: string[];
  /** Minimum coverage percentage. */
  COVERAGE_THRESHOLD: number;
  ENABLE_PROFILING: boolean;
  COLLECT_METRICS: boolean;
}

/** The seed's defaults. */
export const DEFAULT_CONFIG: ExecutorConfig = {
  TIMEOUT: 30,
  MAX_MEMORY: '512MB',
  MAX_OUTPUT_LENGTH: 10_000,
  SANDBOX_MODE: true,
  ALLOWED_MODULES: ['numpy', 'pandas', 'matplotlib', 'sklearn', 'requests', 'json'],
  SAFE_STDLIB: [...SAFE_STDLIB],
  FORBIDDEN_FUNCTIONS: ['eval', 'exec', '__import__', 'open', 'compile'],
  PYTEST_ARGS: ['-v', '--tb=short'],
  COVERAGE_THRESHOLD: 80,
  ENABLE_PROFILING: true,
  COLLECT_METRICS: true,
};

/** Config keys, in the seed's order. */
export const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG) as Array<keyof ExecutorConfig>;

/** Parses "512MB", "2GB", "512 mb" or a plain number of MB; null when it is not a size. */
export function parseMemoryMB(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(MB|M|GB|G)?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return /^g/i.test(m[2] ?? '') ? n * 1024 : n;
}

/** "512MB", or "2GB" for whole gigabytes. */
export function formatMemory(mb: number): string {
  return mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024}GB` : `${mb}MB`;
}
