import { describe, expect, it, vi } from 'vitest';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { createToolbox } from './createToolbox.ts';
import { toOpenAITool } from './defineTool.ts';

const names = (ctx: Parameters<typeof createToolbox>[0]) => createToolbox(ctx).map((t) => t.name);

describe('createToolbox', () => {
  it('lists every tool the engine and the project can back', () => {
    const engine = { validateCode: vi.fn(), runTests: vi.fn(), profileCode: vi.fn(), executeBatch: vi.fn() };
    expect(names(createFakeToolContext({ engine, files: [] }))).toEqual([
      'execute_code',
      'analyze_dependencies',
      'install_packages',
      'handle_error',
      'create_demo',
      'validate_code',
      'run_tests',
      'list_files',
      'read_file',
      'write_file',
      'profile_code',
      'execute_batch',
    ]);
  });

  it('leaves out what cannot work: no project, no test runner, no profiler', () => {
    expect(names(createFakeToolContext({ engine: { runTests: vi.fn() }, files: null }))).toEqual([
      'execute_code',
      'analyze_dependencies',
      'install_packages',
      'handle_error',
      'create_demo',
    ]);
    expect(names(createFakeToolContext({ engine: {}, files: [] }))).toEqual([
      'execute_code',
      'analyze_dependencies',
      'install_packages',
      'handle_error',
      'create_demo',
      'list_files',
      'read_file',
      'write_file',
    ]);
  });

  it('describes each new tool to the model with a JSON schema of its arguments', () => {
    const engine = { runTests: vi.fn(), profileCode: vi.fn(), executeBatch: vi.fn() };
    const schemas = Object.fromEntries(
      createToolbox(createFakeToolContext({ engine, files: [] })).map((t) => [t.name, toOpenAITool(t).function.parameters]),
    );
    expect(schemas.run_tests).toMatchObject({
      type: 'object',
      properties: { paths: { type: 'array' }, coverage: { type: 'boolean' }, pytest_args: { type: 'array' } },
    });
    expect(schemas.write_file).toMatchObject({ required: ['path', 'content'] });
    expect(schemas.read_file).toMatchObject({ required: ['path'] });
    expect(schemas.profile_code).toMatchObject({
      properties: { code: { type: 'string' }, path: { type: 'string' }, top: { type: 'integer' } },
    });
    expect(schemas.execute_batch).toMatchObject({ properties: { blocks: { type: 'array' }, paths: { type: 'array' } } });
  });
});
