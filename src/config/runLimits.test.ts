import { describe, expect, it } from 'vitest';
import { runLimits } from './runLimits.ts';

describe('runLimits', () => {
  it("turns the settings into the engine's limits, seconds into whole milliseconds", () => {
    expect(runLimits({ timeoutSeconds: 2.5004, maxMemoryMB: 256, maxOutputChars: 10 })).toEqual({
      timeoutMs: 2500,
      maxMemoryMB: 256,
      maxOutputChars: 10,
    });
  });
});
