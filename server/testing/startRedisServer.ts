import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './freePort.ts';

/** Where the Debian package installs redis-server. */
export const REDIS_SERVER_PATH = '/usr/bin/redis-server';

/** A throwaway redis-server started by {@link startRedisServer}. */
export interface TestRedis {
  /** e.g. `redis://127.0.0.1:41234`. */
  url: string;
  /** Kills the process and waits for it to exit. */
  stop(): Promise<void>;
}

/** True when a redis-server binary is available for tests. */
export function redisServerAvailable(): boolean {
  return existsSync(REDIS_SERVER_PATH);
}

/**
 * Starts `redis-server` on 127.0.0.1 with a random free port, no persistence, for tests only.
 * Resolves once it accepts connections.
 */
export async function startRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER_PATH,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    const onData = (data: Buffer): void => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
