import { DEFAULT_CONFIG } from '../config/executorConfig.ts';
import type { RunPolicy } from '../protocol/policy.ts';

/** The engine's policy until told otherwise: the seed's SANDBOX_MODE, ALLOWED_MODULES (plus the safe standard library) and FORBIDDEN_FUNCTIONS. */
export const DEFAULT_RUN_POLICY: RunPolicy = {
  sandboxMode: DEFAULT_CONFIG.SANDBOX_MODE,
  allowedModules: [...new Set([...DEFAULT_CONFIG.ALLOWED_MODULES, ...DEFAULT_CONFIG.SAFE_STDLIB])],
  forbiddenFunctions: [...DEFAULT_CONFIG.FORBIDDEN_FUNCTIONS],
};
