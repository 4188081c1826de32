import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { installScriptDependencies, readDeclaredDependencies } from './installScriptDependencies.ts';

let rt: PythonRuntime;
const block = (...lines: string[]) => `# /// script\n${lines.map((l) => `# ${l}`).join('\n')}\n# ///\nprint("hi")\n`;
const SAFE = { sandboxMode: true, allowedModules: ['json'], forbiddenFunctions: [] };

async function declared(code: string, policy = undefined as typeof SAFE | undefined, pypi: string | null = null) {
  const lines: string[] = [];
  const problems = await installScriptDependencies(rt, code, policy, pypi, (l) => lines.push(l));
  return { problems, lines };
}

beforeAll(async () => {
  rt = await loadTestRuntime({ packageIndex: true });
}, 120_000);

describe('installScriptDependencies (PEP 723, real Pyodide in Node)', () => {
  it('does nothing for a file without a script block', async () => {
    expect((await declared('import os\nprint(1)\n')).problems).toBeNull();
    expect((await declared('# /// other\n# x = 1\n# ///\n')).problems).toBeNull();
  });

  it('installs the dependencies from the index, skips those whose marker does not hold, says which version a pin got', async () => {
    const { problems, lines } = await declared(
      block('requires-python = ">=3.12"', 'dependencies = [', '  "tabulate",', '  "toolz>=99",', '  \'six; python_version < "3.0"\',', ']'),
    );
    expect(problems).toEqual([]);
    expect(lines[0]).toBe("Installing the script's dependencies (PEP 723): tabulate, toolz>=99…");
    expect(lines).toContain("The script asks for toolz>=99; this run uses 1.0.0, the version Executor's index has.");
    expect(rt.pyodide.runPython('import tabulate, toolz; tabulate.__version__')).toBe('0.9.0');
    expect(Object.keys(rt.pyodide.loadedPackages)).not.toContain('six');
  });

  it('refuses, before installing anything, a Python outside requires-python, a malformed block, a bad requirement', async () => {
    expect((await declared(block('requires-python = ">=3.15"'))).problems).toEqual([
      expect.stringMatching(/^it requires Python >=3\.15, and Executor runs Python 3\.14\.\d+$/),
    ]);
    expect((await declared(block('dependencies = ["rich"', ']]'))).problems?.[0]).toMatch(/is not valid TOML/);
    expect((await declared(block('dependencies = "rich"'))).problems).toEqual([
      '`dependencies` in its `# /// script` block must be a list of strings',
    ]);
    expect((await declared(block('dependencies = ["rich >>> 2"]'))).problems?.[0]).toMatch(
      /the dependency 'rich >>> 2' is not a requirement/,
    );
    const twice = `${block('dependencies = []')}${block('dependencies = []')}`;
    expect((await declared(twice)).problems).toEqual(['the file has more than one `# /// script` block (PEP 723 allows one)']);
  });

  it('says which keys it does not use, and names the rule that refuses a dependency', async () => {
    const { problems, lines } = await declared(block('dependencies = ["cachetools"]', 'flavour = "x"'), SAFE);
    expect(lines[0]).toBe("The script block's flavour is not used by Executor.");
    expect(problems).toEqual([expect.stringMatching(/^cachetools is not allowed in safe mode: cachetools is not in ALLOWED_MODULES/)]);
    const offline = await declared(block('dependencies = ["humanize"]'));
    expect(offline.problems?.[0]).toMatch(/humanize is not in Executor's package index, and installs from PyPI are turned off/);
  });

  it("reads a project's requirements.txt and pyproject.toml: requirements, pip options and markers left aside, requires-python checked", async () => {
    const requirements =
      '# tools\ntabulate>=0.9  # tables\n-r more.txt\n--index-url https://x.example/simple\nsix; python_version < "3"\ntoolz\n';
    const pyproject = '[project]\nname = "demo"\nrequires-python = ">=3.12"\ndependencies = ["toolz", "cachetools"]\n';
    const read = await readDeclaredDependencies(rt, requirements, pyproject);
    expect(read.sources).toEqual(['pyproject.toml', 'requirements.txt']);
    expect(read.install.map((r) => r.requirement)).toEqual(['toolz', 'cachetools', 'tabulate>=0.9']);
    expect(read.skipped).toEqual(['-r more.txt', '--index-url https://x.example/simple', 'six; python_version < "3"']);
    expect(read.problems).toEqual([]);
    const old = await readDeclaredDependencies(rt, null, '[project]\nrequires-python = "<3.10"\n');
    expect(old.problems).toEqual([expect.stringMatching(/^it requires Python <3\.10, and Executor runs Python 3\.14/)]);
    expect((await readDeclaredDependencies(rt, null, '[project\n')).problems[0]).toMatch(/^pyproject\.toml is not valid TOML/);
  });
});
