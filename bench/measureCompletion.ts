import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import type { BareWindow } from './bare/bareApi.ts';
import { log } from './log.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';
import { PUBLIC_PACKAGES_DIR } from './paths.ts';

/** A 300-line module in the style of real code: imports, a dataclass, functions and a class using them. */
export function completionModule(): string {
  const lines = ['import math', 'import json', 'import collections', 'from dataclasses import dataclass, field', '', ''];
  for (let i = 0; lines.length < 280; i++) {
    lines.push(
      '@dataclass',
      `class Record${i}:`,
      '    name: str',
      '    values: list[float] = field(default_factory=list)',
      '',
      '    def mean(self) -> float:',
      '        return sum(self.values) / len(self.values) if self.values else math.nan',
      '',
      '',
      `def summarise_${i}(records: list[Record${i}]) -> dict[str, float]:`,
      '    counts = collections.Counter(r.name for r in records)',
      '    return {name: math.sqrt(n) for name, n in counts.items()}',
      '',
      '',
    );
  }
  return lines.slice(0, 280).join('\n') + '\n';
}

/** Where completions are asked, after the module: the last line is incomplete. */
const QUERIES = ['math.', 'json.lo', 'collections.Coun', 'Record0("a").', 'summarise_1([]).', 'record = Record2("b")\nrecord.values.'];

/**
 * Figure 8: one completion request on a 300-line file, page → answer, median over the queries and
 * samples (the first request, which loads Jedi, untimed). Against Jedi in the bare Pyodide worker
 * (the same wheels), called with runPython per request.
 */
export async function measureCompletion(executor: Page, bare: Page, runs: number): Promise<BenchRow[]> {
  const module = completionModule();
  const cases = QUERIES.map((q) => {
    const code = module + q;
    const lines = code.split('\n');
    return { code, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  });
  const barePrograms = cases.map(
    (c) => `print(len(jedi.Script(${JSON.stringify(c.code)}, path='/home/workspace/main.py').complete(${c.line}, ${c.column - 1})))`,
  );
  const ex: number[] = [];
  const ba: number[] = [];
  const wheels = readdirSync(PUBLIC_PACKAGES_DIR).filter((f) => /^(jedi|parso)-.*\.whl$/.test(f));
  const loadError = await bare.evaluate(
    async (urls) => (window as unknown as BareWindow).bare.load(urls.map((u) => `/packages/${u}`)),
    wheels,
  );
  if (loadError) throw new Error(`the bare worker could not load Jedi: ${loadError}`);
  const setup = [
    'import parso, parso.grammar, jedi, json',
    '_lg = parso.grammar.load_grammar',
    'def _known(*, version=None, path=None):',
    '    try:',
    '        return _lg(version=version, path=path)',
    '    except NotImplementedError:',
    "        return _lg(version='3.13', path=path)",
    'parso.load_grammar = parso.grammar.load_grammar = _known',
  ].join('\n');
  await bare.evaluate((c) => (window as unknown as BareWindow).bare.run(c), setup);
  for (let i = 0; i < runs; i++) {
    const first = i === 0;
    await executor.bringToFront();
    ex.push(
      ...(await executor.evaluate(
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        async ({ cases, first }) => {
          const engine = window.executor.engine;
          if (first) await engine.language({ kind: 'complete', path: 'main.py', ...(cases[0] as (typeof cases)[number]) }, []);
          const times: number[] = [];
          for (const c of cases) {
            const started = performance.now();
            const r = await engine.language({ kind: 'complete', path: 'main.py', ...c }, []);
            times.push(performance.now() - started);
            if (!r.ok || r.value.kind !== 'complete' || r.value.items.length === 0) throw new Error(`no completions: ${JSON.stringify(r)}`);
          }
          return times;
        },
        { cases, first },
      )),
    );
    await bare.bringToFront();
    ba.push(
      ...(await bare.evaluate(
        async ({ programs, first }) => {
          const api = (window as unknown as BareWindow).bare;
          if (first) await api.run(programs[0] ?? '');
          const times: number[] = [];
          for (const program of programs) {
            const started = performance.now();
            const r = await api.run(program);
            times.push(performance.now() - started);
            if (r.error !== null || Number(r.stdout) === 0) throw new Error(`bare Jedi gave no completions: ${r.error ?? r.stdout}`);
          }
          return times;
        },
        { programs: barePrograms, first },
      )),
    );
    log(
      `completion ${i + 1}/${runs}: Executor ${ex
        .slice(-cases.length)
        .map((t) => t.toFixed(0))
        .join(', ')} ms; bare ${ba
        .slice(-cases.length)
        .map((t) => t.toFixed(0))
        .join(', ')} ms`,
    );
  }
  return [
    row(
      '8. Completion',
      `One completion on a 300-line file (${QUERIES.length} places)`,
      'ms',
      summarize(ex),
      'Jedi in the bare worker (runPython)',
      summarize(ba),
    ),
  ];
}
