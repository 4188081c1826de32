import { describe, expect, it } from 'vitest';
import { MAX_FRAME_MESSAGE_CHARS, parseFrameMessage, parsePageMessage } from './pageFrame.ts';

describe('protocol validation', () => {
  it('accepts well-formed frame messages', () => {
    const msg = { type: 'output', id: 3, chunks: [{ stream: 'stdout', text: 'hi' }] };
    expect(parseFrameMessage(msg)).toEqual(msg);
  });

  it('rejects unknown types, wrong shapes and extra-large messages', () => {
    expect(parseFrameMessage({ type: 'eval', code: 'alert(1)' })).toBeNull();
    expect(parseFrameMessage({ type: 'output', id: 'x', chunks: '<img src=x onerror=alert(1)>' })).toBeNull();
    expect(parseFrameMessage({ type: 'output', id: 1, chunks: [{ stream: 'html', text: '<b>' }] })).toBeNull();
    expect(parseFrameMessage('just a string')).toBeNull();
    expect(parseFrameMessage(null)).toBeNull();
    const huge = { type: 'notice', level: 'info', text: 'x'.repeat(MAX_FRAME_MESSAGE_CHARS) };
    expect(parseFrameMessage(huge)).toBeNull();
  });

  it('validates page commands for the frame', () => {
    const run = { type: 'run', id: 1, code: 'pass', options: { timeoutMs: 1, maxMemoryMB: 64, maxOutputChars: 100, filename: 'main.py' } };
    expect(parsePageMessage(run)).toEqual(run);
    expect(parsePageMessage({ ...run, options: { ...run.options, timeoutMs: -5 } })).toBeNull();
    expect(parsePageMessage({ type: 'stop' })).toBeNull();
  });
});
