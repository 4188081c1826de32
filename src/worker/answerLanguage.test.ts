import { beforeAll, describe, expect, it } from 'vitest';
import { languageResponseSchema, type LanguageQuery, type LanguageRequest } from '../protocol/language.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { answerLanguage } from './answerLanguage.ts';

let rt: PythonRuntime;
beforeAll(async () => {
  // Jedi comes from the self-hosted index, as in the browser (`npm run packages` builds it).
  rt = await loadTestRuntime({ packageIndex: true });
}, 120_000);

/** Asks at the end of `code` (or at `at`), returning the checked value. */
async function ask(
  kind: LanguageQuery['kind'],
  code: string,
  extra: Omit<LanguageRequest, 'query'> = {},
  at?: { line: number; column: number },
) {
  const lines = code.split('\n');
  const position = at ?? { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  const response = languageResponseSchema.parse(
    await answerLanguage(rt, { query: { kind, path: 'main.py', code, ...position }, ...extra }),
  );
  if (!response.ok) throw new Error(response.error);
  return response.value;
}

describe('answerLanguage: Jedi in Pyodide (Node)', () => {
  it('completes module members', async () => {
    const value = await ask('complete', 'import math\nmath.sq');
    expect(value).toMatchObject({ kind: 'complete', items: [{ label: 'sqrt', kind: 'function' }] });
  }, 60_000);

  it('gives the signature of the call being typed, with the active parameter', async () => {
    const value = await ask('signatures', 'import math\nmath.pow(2, ');
    expect(value).toMatchObject({ kind: 'signatures', signatures: [{ active: 1 }] });
    if (value.kind === 'signatures') expect(value.signatures[0]?.label).toMatch(/^pow\(x.*, y/);
  });

  it('hovers with the signature and the docstring', async () => {
    const value = await ask('hover', 'import math\nmath.sqrt(2)', {}, { line: 2, column: 7 });
    expect(value.kind === 'hover' && value.hover?.title).toMatch(/^sqrt\(x/);
    expect(value.kind === 'hover' && value.hover?.doc).toMatch(/square root/);
  });

  it("goes to a definition in another of the project's files, and reads files sent later", async () => {
    const files = [{ path: 'calc.py', content: '# helpers\n\ndef add(a, b):\n    return a + b\n' }];
    const value = await ask('definition', 'from calc import add\nadd(1, 2)', { files }, { line: 2, column: 1 });
    expect(value).toEqual({ kind: 'definition', places: [{ path: 'calc.py', line: 3, column: 5 }] });
    const renamed = [{ path: 'calc.py', content: 'def plus(a, b):\n    return a + b\n' }];
    const items = await ask('complete', 'import calc\ncalc.pl', { files: renamed });
    expect(items.kind === 'complete' && items.items.map((i) => i.label)).toEqual(['plus']);
  });

  it("completes the last run's names from stand-ins of their types, never running user code", async () => {
    const value = await ask('complete', 'settings.ke', {
      names: [
        ['settings', 'dict'],
        ['thing', 'Mine'],
      ],
    });
    expect(value.kind === 'complete' && value.items.map((i) => i.label)).toEqual(['keys']);
    // A user type has no stand-in: nothing of it is imported or made.
    const none = await ask('complete', 'thing.', { names: [['thing', 'Mine']] });
    expect(none.kind === 'complete' && none.items).toEqual([]);
  });

  it("stands in an installed package's type (loaded from the index for it), not a project's", async () => {
    const names: Array<[string, string]> = [['lexer', 'pygments.lexers.python.PythonLexer']];
    const value = await ask('complete', 'lexer.get_tok', { names });
    expect(value.kind === 'complete' && value.items.map((i) => i.label)).toEqual(['get_tokens', 'get_tokens_unprocessed']);
    const files = [{ path: 'calc.py', content: 'raise SystemExit("never imported")\nclass Calc:\n    def add(self): ...\n' }];
    const none = await ask('complete', 'c.ad', { files, names: [['c', 'calc.Calc']] });
    expect(none.kind === 'complete' && none.items).toEqual([]);
  });

  it("reads Python 3.14's syntax (parso knows grammars up to 3.13)", async () => {
    const value = await ask('complete', 'type Pair = tuple[int, int]\nimport os\nos.pa', { names: [] });
    expect(value.kind === 'complete' && value.items.map((i) => i.label)).toContain('path');
  });
});
