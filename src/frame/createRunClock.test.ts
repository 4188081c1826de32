import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../testing/createFakeClock.ts';
import { createRunClock } from './createRunClock.ts';
import { PREPARE_ALLOWANCE_MS } from '../protocol/runAllowances.ts';

describe('createRunClock', () => {
  it('allows the preparing time until the user code starts, then counts the time limit from then', () => {
    const time = createFakeClock();
    let timedOut = 0;
    const clock = createRunClock(time, 1000, () => timedOut++);
    clock.begin();
    time.advance(1000 + PREPARE_ALLOWANCE_MS - 1);
    expect(timedOut).toBe(0);
    clock.userCodeStarted();
    time.advance(999);
    expect(timedOut).toBe(0);
    time.advance(1);
    expect(timedOut).toBe(1);
  });

  it('does not count paused time, and keeps what was left', () => {
    const time = createFakeClock();
    let timedOut = 0;
    const clock = createRunClock(time, 1000, () => timedOut++);
    clock.begin();
    clock.userCodeStarted();
    time.advance(600);
    clock.pause();
    clock.pause(); // a second pause changes nothing
    time.advance(60_000);
    expect(timedOut).toBe(0);
    clock.userCodeStarted(); // ignored while paused
    clock.resume();
    time.advance(399);
    expect(timedOut).toBe(0);
    time.advance(1);
    expect(timedOut).toBe(1);
  });

  it("clear ends the time limit and the run's other timers", () => {
    const time = createFakeClock();
    const fired: string[] = [];
    const clock = createRunClock(time, 100, () => fired.push('timeout'));
    clock.begin();
    clock.later(() => fired.push('later'), 50);
    clock.clear();
    time.advance(PREPARE_ALLOWANCE_MS + 1000);
    expect(fired).toEqual([]);
  });
});
