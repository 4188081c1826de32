import { describe, expect, it, vi } from 'vitest';
import type { PageEngine } from './createPageEngine.ts';
import type { FileChanges } from '../../src/protocol/testProtocol.ts';
import { createSessionPool, type PoolHost } from './createSessionPool.ts';
import { SessionsFullError } from './EngineLostError.ts';

/** A fake engine: `lose` makes it report what a crashed page would. */
type FakeEngine = PageEngine & { lose(reason: string): void; closed: boolean; wrote(changes: FileChanges): void };

function fakeEngine(n: number): FakeEngine {
  let lost: string | null = null;
  const listeners = new Set<(changes: FileChanges) => void>();
  const engine = {
    n,
    closed: false,
    onFilesChanged(listener: (changes: FileChanges) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wrote(changes: FileChanges) {
      for (const l of listeners) l(changes);
    },
    get lost() {
      return lost;
    },
    lose(reason: string) {
      lost = reason;
    },
    async close() {
      engine.closed = true;
      lost ??= 'closed';
    },
  };
  return engine as unknown as FakeEngine;
}

function setup(options: { maxSessions?: number; idleMs?: number } = {}) {
  let clock = 0;
  const engines: Array<ReturnType<typeof fakeEngine>> = [];
  const host: PoolHost = {
    startEngine: vi.fn(async () => {
      const engine = fakeEngine(engines.length);
      engines.push(engine);
      return engine;
    }),
  };
  const onIdle = vi.fn();
  const pool = createSessionPool({
    host,
    maxSessions: options.maxSessions ?? 2,
    idleMs: options.idleMs ?? 60_000,
    onIdle,
    now: () => clock,
  });
  return { pool, host, engines, onIdle, advance: (ms: number) => (clock += ms) };
}

describe('createSessionPool', () => {
  it('keeps one engine per session id and starts it only when used', async () => {
    const { pool, host, engines } = setup();
    pool.project('a').writeFile('x.py', 'x = 1');
    expect(host.startEngine).not.toHaveBeenCalled();
    const first = await pool.use('a', async (s) => s.engine);
    const again = await pool.use('a', async (s) => s.engine);
    expect(first).toBe(again);
    expect(engines).toHaveLength(1);
    expect(await pool.use('a', async (s) => s.project.files().map((f) => f.path))).toEqual(['x.py']);
    await pool.closeAll();
  });

  it("takes what the session's programs wrote into its files, and names what a cap left out", async () => {
    const { pool, engines } = setup();
    pool.project('a').writeFile('gone.txt', 'bye');
    await pool.use('a', async () => undefined);
    engines[0]?.wrote({ written: [{ path: 'out.json', bytes: new TextEncoder().encode('{}') }], deleted: ['gone.txt'], skipped: [] });
    expect(pool.project('a').files()).toEqual([{ path: 'out.json', content: '{}' }]);
    expect(pool.project('b').files()).toEqual([]);
    engines[0]?.wrote({ written: [{ path: 'huge.bin', bytes: new Uint8Array(60 * 2 ** 20) }], deleted: [], skipped: [] });
    expect(await pool.use('a', async (s) => s.takeNotice())).toMatch(/^Left out of the session's files: huge\.bin is 60\.0 MB/);
    await pool.closeAll();
  });

  it('refuses a session past the cap with the setting named, and admits one when another closes', async () => {
    const { pool } = setup({ maxSessions: 1 });
    await pool.use('a', async () => undefined);
    await expect(pool.use('b', async () => undefined)).rejects.toThrow(SessionsFullError);
    await expect(pool.use('b', async () => undefined)).rejects.toThrow(/EXECUTOR_MCP_MAX_SESSIONS/);
    await pool.close('a');
    await expect(pool.use('b', async () => 'ok')).resolves.toBe('ok');
    await pool.closeAll();
  });

  it('replaces a lost engine, keeps the files and says so once', async () => {
    const { pool, engines } = setup();
    await pool.use('a', async (s) => s.project.writeFile('keep.py', 'k = 1'));
    engines[0]?.lose('The browser running this session stopped (it crashed or was killed).');
    const notice = await pool.use('a', async (s) => s.takeNotice());
    expect(notice).toMatch(/browser .* stopped.*fresh interpreter.*files are kept/);
    expect(engines).toHaveLength(2);
    expect(await pool.use('a', async (s) => [s.takeNotice(), s.project.files().length])).toEqual([null, 1]);
    await pool.closeAll();
  });

  it('closes engines idle past idleMs (never a busy one), tells onIdle, and starts fresh on the next use', async () => {
    const { pool, engines, onIdle, advance } = setup({ idleMs: 1000 });
    await pool.use('a', async () => undefined);
    let release: () => void = () => undefined;
    const busy = pool.use('b', () => new Promise<void>((r) => (release = r)));
    await vi.waitFor(() => expect(engines).toHaveLength(2));
    advance(5000);
    await pool.reapIdle();
    expect(engines[0]?.closed).toBe(true);
    expect(engines[1]?.closed).toBe(false);
    expect(onIdle).toHaveBeenCalledWith('a');
    expect(pool.size).toBe(1);
    release();
    await busy;
    expect(await pool.use('a', async (s) => s.takeNotice())).toMatch(/idle for more than/);
    await pool.closeAll();
  });

  it('a failed start leaves the session able to try again', async () => {
    const { pool, host } = setup();
    vi.mocked(host.startEngine).mockRejectedValueOnce(new Error('Python could not start: boom'));
    await expect(pool.use('a', async () => undefined)).rejects.toThrow('boom');
    await expect(pool.use('a', async () => 'second')).resolves.toBe('second');
    await pool.closeAll();
  });
});
