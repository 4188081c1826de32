import { describe, expect, it } from 'vitest';
import { createWatchdog, PING_MS, SILENT_MS } from './createWatchdog.ts';

function setup() {
  let now = 0;
  let tick: (() => void) | null = null;
  const events: string[] = [];
  const dog = createWatchdog({
    now: () => now,
    setInterval: (fn) => ((tick = fn), 1),
    clearInterval: () => (tick = null),
    ping: () => events.push('ping'),
    onSilent: (ms) => events.push(`silent ${ms}`),
    onOverdue: (id) => events.push(`overdue ${id}`),
  });
  // Advances the clock one interval at a time, as the page's timer would fire.
  const advance = (ms: number, answer = false) => {
    for (let t = 0; t < ms; t += PING_MS) {
      now += PING_MS;
      tick?.();
      if (answer) dog.heard();
    }
  };
  return { dog, events, advance, running: () => tick !== null, jump: (ms: number) => (now += ms), tick: () => tick?.() };
}

describe('createWatchdog', () => {
  it('pings while a run is pending and stops when it ends', () => {
    const { dog, events, advance, running } = setup();
    dog.watch(1, 60_000);
    advance(PING_MS * 2, true);
    expect(events).toEqual(['ping', 'ping']);
    dog.unwatch(1);
    expect(running()).toBe(false);
  });

  it('reports a frame that stays silent, once', () => {
    const { dog, events, advance } = setup();
    dog.watch(1, 600_000);
    advance(SILENT_MS + PING_MS * 3);
    expect(events.filter((e) => e.startsWith('silent'))).toEqual([`silent ${SILENT_MS + PING_MS}`]);
  });

  it('does not blame the frame for time the page itself was blocked', () => {
    const { dog, events, jump, tick } = setup();
    dog.watch(1, 600_000);
    jump(SILENT_MS * 3); // one long task on the page: the timer fires late, the frame's answers wait in the queue
    tick();
    expect(events).toEqual(['ping']);
  });

  it('reports a run past its deadline, not counting time spent waiting for input', () => {
    const { dog, events, advance } = setup();
    dog.watch(7, 10_000);
    advance(4000, true);
    dog.pause(7);
    advance(20_000, true);
    dog.resume(7);
    advance(6000, true);
    expect(events).not.toContain('overdue 7');
    advance(2000, true);
    expect(events).toContain('overdue 7');
  });
});
