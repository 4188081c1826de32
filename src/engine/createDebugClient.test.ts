import { describe, expect, it, vi } from 'vitest';
import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { DebugPause } from '../protocol/debug.ts';
import { createDebugClient } from './createDebugClient.ts';

const pause: DebugPause = {
  reason: 'step',
  message: null,
  file: 'main.py',
  line: 2,
  frames: [],
  locals: { rows: [], total: 0, offset: 0 },
};

function setup(current: number | null = 3) {
  const posted: PageToFrame[] = [];
  let id = 100;
  const deps = {
    post: (m: PageToFrame) => void posted.push(m),
    nextId: () => id++,
    currentRun: () => current,
    pauseWatch: vi.fn(),
    resumeWatch: vi.fn(),
    onPaused: vi.fn(),
  };
  return { client: createDebugClient(deps), posted, deps };
}

describe('createDebugClient', () => {
  it('passes a pause of the current run on and pauses the watchdog; ignores another run’s', () => {
    const { client, deps } = setup();
    client.paused(9, pause);
    expect(deps.onPaused).not.toHaveBeenCalled();
    client.paused(3, pause);
    expect(deps.onPaused).toHaveBeenCalledWith(pause, 3);
    expect(deps.pauseWatch).toHaveBeenCalledWith(3);
    expect(client.pausedRun).toBe(3);
  });

  it('matches answers to queries by request id, and errors become rejections', async () => {
    const { client, posted } = setup();
    client.paused(3, pause);
    const first = client.query({ kind: 'evaluate', frame: 0, expression: 'x' });
    const second = client.query({ kind: 'variables', frame: 1, scope: 'globals', request: { name: null, path: [], offset: 0 } });
    expect(posted).toEqual([
      { type: 'debug', id: 3, command: { kind: 'evaluate', frame: 0, expression: 'x', requestId: 100 } },
      {
        type: 'debug',
        id: 3,
        command: { kind: 'variables', frame: 1, scope: 'globals', request: { name: null, path: [], offset: 0 }, requestId: 101 },
      },
    ]);
    client.answer(101, { ok: false, error: 'that frame is gone' });
    client.answer(100, { ok: true, value: { name: 'x', type: 'int', kind: 'value', size: null, repr: '1', expandable: false } });
    await expect(first).resolves.toMatchObject({ repr: '1' });
    await expect(second).rejects.toThrow('that frame is gone');
  });

  it('resume sends the breakpoints, resumes the watchdog and ends what was pending', async () => {
    const { client, posted, deps } = setup();
    expect(client.resume('continue', [])).toBe(false);
    client.paused(3, pause);
    const pending = client.query({ kind: 'evaluate', frame: 0, expression: 'x' });
    expect(client.resume('step-over', [{ file: 'main.py', line: 4 }])).toBe(true);
    await expect(pending).rejects.toThrow(/running again/);
    expect(posted.at(-1)).toEqual({
      type: 'debug',
      id: 3,
      command: { kind: 'resume', action: 'step-over', breakpoints: [{ file: 'main.py', line: 4 }] },
    });
    expect(deps.resumeWatch).toHaveBeenCalledWith(3);
    await expect(client.query({ kind: 'evaluate', frame: 0, expression: 'x' })).rejects.toThrow(/not paused/);
  });

  it('the run’s end rejects pending queries', async () => {
    const { client } = setup();
    client.paused(3, pause);
    const pending = client.query({ kind: 'evaluate', frame: 0, expression: 'x' });
    client.ended('The program has ended.');
    await expect(pending).rejects.toThrow('The program has ended.');
    expect(client.pausedRun).toBeNull();
  });
});
