import { createHeadlessHost, type HeadlessHost } from './createHeadlessHost.ts';
import { createSessionPool, type SessionPool } from './createSessionPool.ts';
import { headlessSettings, type HeadlessSettings } from './headlessSettings.ts';

/** The headless engine: its settings, browser host and session pool. */
export interface Headless {
  settings: HeadlessSettings;
  host: HeadlessHost;
  pool: SessionPool;
  /** Closes every session, the browser and the loopback server. */
  close(): Promise<void>;
}

/**
 * Sets up the headless engine from the environment (EXECUTOR_*, CHROMIUM_PATH); nothing starts until the first
 * session is used. `warn` gets configuration problems (on stderr: stdout may be the MCP protocol).
 */
export function startHeadless(env: NodeJS.ProcessEnv, warn: (line: string) => void, onIdle?: (id: string) => void): Headless {
  const { settings, problems } = headlessSettings(env);
  for (const line of problems) warn(line);
  const host = createHeadlessHost(env, warn);
  const pool = createSessionPool({ host, maxSessions: settings.maxSessions, idleMs: settings.idleMs, policy: settings.policy, onIdle });
  return {
    settings,
    host,
    pool,
    async close() {
      await pool.closeAll();
      await host.close();
    },
  };
}
