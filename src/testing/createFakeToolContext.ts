import { vi } from 'vitest';
import { createMemoryProject, type ProjectAccess } from '../agent/projectAccess.ts';
import type { ToolContext } from '../agent/types.ts';
import type { Engine } from '../engine/engine.ts';
import type { ExecutionResult, InstallReport } from '../protocol/results.ts';
import type { ProjectFile, TestResult } from '../protocol/testProtocol.ts';

/** Options of {@link createFakeToolContext}. */
export interface FakeToolContextOptions {
  /** The engine methods the test needs (vi.fn()s); everything else is missing, as on a partial engine. */
  engine?: Partial<Engine>;
  /** The project's files (kept in memory); `null` for no project. */
  files?: ProjectFile[] | null;
  active?: string;
  editorCode?: string;
}

/** A ToolContext over a fake engine and an in-memory project, recording the results tools report. */
export function createFakeToolContext(options: FakeToolContextOptions = {}): ToolContext & {
  recorded: ExecutionResult[];
  recordedTests: TestResult[];
  recordedInstalls: InstallReport[];
  project: ProjectAccess | null;
} {
  const recorded: ExecutionResult[] = [];
  const recordedTests: TestResult[] = [];
  const recordedInstalls: InstallReport[] = [];
  const project = options.files === null ? null : createMemoryProject(options.files ?? [], options.active);
  return {
    engine: { handleError: vi.fn(async () => null), ...options.engine } as Engine,
    runOptions: () => ({ timeoutMs: 7000, maxMemoryMB: 256, maxOutputChars: 5000 }),
    lastResult: () => recorded.at(-1) ?? null,
    recordResult: (r) => void recorded.push(r),
    recordTestResult: (r) => void recordedTests.push(r),
    recordInstall: (r) => void recordedInstalls.push(r),
    editorCode: () => options.editorCode ?? '',
    project,
    testOptions: () => ({ pytestArgs: ['-v', '--tb=short'], coverageThreshold: 80 }),
    recorded,
    recordedTests,
    recordedInstalls,
  };
}
