import type { Settings } from './settings.ts';

/** The limits every run, test run and batch gets, in the engine's units. */
export interface Limits {
  timeoutMs: number;
  maxMemoryMB: number;
  maxOutputChars: number;
}

/** The limits in force for `settings` (the one place seconds become milliseconds). */
export function runLimits(settings: Pick<Settings, 'timeoutSeconds' | 'maxMemoryMB' | 'maxOutputChars'>): Limits {
  return {
    timeoutMs: Math.round(settings.timeoutSeconds * 1000),
    maxMemoryMB: settings.maxMemoryMB,
    maxOutputChars: settings.maxOutputChars,
  };
}
