import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ToolOutcome } from '../../agent/types.ts';
import { outcomeOfTool as outcomeOf } from '../../testing/outcomeOfTool.ts';
import { ToolCallCard } from './ToolCallCard.tsx';

const card = (name: string, args: Record<string, unknown>, outcome: ToolOutcome | null, state: 'running' | 'ok' | 'error' = 'ok') =>
  renderToStaticMarkup(<ToolCallCard call={{ id: '1', name, args, state, outcome }} />);

describe('ToolCallCard', () => {
  it('shows a running call with its arguments, and its code folded', () => {
    const html = card('execute_code', { code: 'print(1)\nprint(2)', timeout: 5 }, null, 'running');
    expect(html).toContain('data-state="running"');
    expect(html).toContain('running…');
    expect(html).toContain('{&quot;timeout&quot;:5}');
    expect(html).toContain('Code (2 lines)');
    expect(html).not.toContain('data-testid="tool-result"');
  });

  it('shows a run: status, metrics and output', async () => {
    const html = card('execute_code', { code: 'print("hello")' }, await outcomeOf('execute_code', { code: 'print("hello")' }));
    expect(html).toContain('data-testid="tool-summary"');
    expect(html).toContain('badge-ok');
    expect(html).toMatch(/data-testid="tool-output"[^>]*>hello/);
  });

  it("shows safe mode's findings with their rule", async () => {
    const html = card('validate_code', { code: 'eval("1")' }, await outcomeOf('validate_code', { code: 'eval("1")' }));
    expect(html).toContain('data-rule="forbidden-function"');
    expect(html).toContain('eval is not allowed');
  });

  it('shows each import with its verdict, and offers to install what is installable', async () => {
    const html = card('analyze_dependencies', {}, await outcomeOf('analyze_dependencies', { code: 'import numpy, os' }));
    expect(html).toContain('data-verdict="available"');
    expect(html).toContain('data-verdict="stdlib"');
    expect(html).toContain('data-testid="tool-install"');
  });

  it('shows what an install loaded and what failed, with the reason', async () => {
    const html = card(
      'install_packages',
      { packages: ['numpy', 'nope'] },
      await outcomeOf('install_packages', { packages: ['numpy', 'nope'] }),
    );
    expect(html).toContain('numpy');
    expect(html).toContain('not in the index');
  });

  it("shows a test run's failures with their place", async () => {
    const html = card('run_tests', {}, await outcomeOf('run_tests', {}));
    expect(html).toContain('test_calc.py::test_add');
    expect(html).toContain('assert 4 == 3');
  });

  it("lists the files and shows a file's content", async () => {
    const files = card('list_files', {}, await outcomeOf('list_files', {}));
    expect(files).toContain('data-path="calc.py"');
    expect(files).toContain('data-path="test_calc.py"');
    const read = card('read_file', { path: 'calc.py' }, await outcomeOf('read_file', { path: 'calc.py' }));
    expect(read).toMatch(/data-testid="tool-file-content"[^>]*>def add/);
  });

  it('shows the steps of a batch', async () => {
    const html = card('execute_batch', { paths: ['calc.py'] }, await outcomeOf('execute_batch', { paths: ['calc.py'] }));
    expect(html).toContain('data-testid="tool-batch-step"');
    expect(html).toContain('calc.py');
  });

  it('shows a demo with its code, and an error outcome with its summary', async () => {
    const demo = card('create_demo', { topic: 'fibonacci' }, await outcomeOf('create_demo', { topic: 'fibonacci' }));
    expect(demo).toContain('data-testid="chat-code"');
    expect(demo).toContain('def fibonacci(n):');
    const failed = card('read_file', { path: 'nope.py' }, await outcomeOf('read_file', { path: 'nope.py' }), 'error');
    expect(failed).toContain('data-state="error"');
    expect(failed).toContain('nope.py');
  });
});
