import { describe, expect, it } from 'vitest';
import { makeResult } from '../../src/testing/makeResult.ts';
import { makeTestResult } from '../../src/testing/makeTestResult.ts';
import { EXIT } from './exitCodes.ts';
import { runExitCode, runJson } from './runCommand.ts';
import { testExitCode } from './testCommand.ts';

const error = (type: string, message = '') => ({ type, message, traceback: '', line: 1 });

describe('runExitCode', () => {
  it('maps each way a run ends to its documented code', () => {
    expect(runExitCode(makeResult())).toBe(EXIT.ok);
    expect(runExitCode(makeResult({ success: false, status: 'error', error: error('ValueError') }))).toBe(EXIT.error);
    expect(runExitCode(makeResult({ success: false, status: 'timeout' }))).toBe(EXIT.timeout);
    expect(runExitCode(makeResult({ success: false, status: 'memory', error: error('MemoryError') }))).toBe(EXIT.memory);
    expect(runExitCode(makeResult({ success: false, status: 'security' }))).toBe(EXIT.security);
    expect(runExitCode(makeResult({ success: false, status: 'crashed' }))).toBe(EXIT.crashed);
  });

  it('exits with what sys.exit() was given', () => {
    const exit = (message: string) => runExitCode(makeResult({ success: false, status: 'error', error: error('SystemExit', message) }));
    expect(exit('3')).toBe(3);
    expect(exit('')).toBe(0);
    expect(exit('None')).toBe(0);
    expect(exit('300')).toBe(300 & 255);
    expect(exit('bye')).toBe(EXIT.error);
  });
});

describe('runJson', () => {
  it('drops the interleaved chunks and describes images instead of carrying them', () => {
    const json = runJson(
      makeResult({ output: [{ stream: 'stdout', text: 'x' }], displays: [{ kind: 'display', data: { 'text/plain': 'fig' } }] }),
      0,
    );
    expect(json).not.toHaveProperty('output');
    expect(json.exitCode).toBe(0);
    expect(json.displays).toEqual([expect.any(String)]);
  });
});

describe('testExitCode', () => {
  it("exits as pytest does, and 2, 3 or 6 where pytest's own code is missing", () => {
    expect(testExitCode(makeTestResult())).toBe(0);
    expect(testExitCode(makeTestResult({ status: 'failed', exitCode: 1 }))).toBe(1);
    expect(testExitCode(makeTestResult({ status: 'passed', exitCode: 5 }))).toBe(5);
    expect(testExitCode(makeTestResult({ status: 'timeout', exitCode: null }))).toBe(2);
    expect(testExitCode(makeTestResult({ status: 'crashed', exitCode: null }))).toBe(3);
    expect(testExitCode(makeTestResult({ status: 'security', exitCode: -1 }))).toBe(EXIT.testRefused);
  });
});
