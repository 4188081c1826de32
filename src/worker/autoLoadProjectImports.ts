import type { ProjectFile } from '../protocol/testProtocol.ts';
import { autoLoadImports } from './autoLoadImports.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { lockIndex, type LockIndex } from './packages.ts';

const IMPORT_LINE = /^[ \t]*import[ \t]+([^\n#;]+)/gm;
const FROM_LINE = /^[ \t]*from[ \t]+([A-Za-z_]\w*)[\w.]*[ \t]+import\b/gm;

/**
 * Top-level modules the project's Python files import, by a scan of their import lines (not a parse: a test
 * run of a thousand files should not parse them all twice). Relative imports are left out.
 */
export function scanProjectImports(files: ProjectFile[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    if (!file.path.endsWith('.py') || !('content' in file) || !file.content.includes('import')) continue;
    for (const m of file.content.matchAll(IMPORT_LINE)) {
      for (const part of (m[1] ?? '').split(',')) {
        const top = /^\s*([A-Za-z_]\w*)/.exec(part)?.[1];
        if (top) names.add(top);
      }
    }
    for (const m of file.content.matchAll(FROM_LINE)) if (m[1]) names.add(m[1]);
  }
  return [...names];
}

/** The scanned imports that the package index has and that are not loaded yet. */
export function importsToLoad(names: string[], index: LockIndex, loaded: Iterable<string>): string[] {
  const have = new Set([...loaded].map((n) => n.toLowerCase()));
  return names.filter((n) => index[n] && !have.has(index[n].package.toLowerCase()));
}

/**
 * Before a test run: loads from the index what the project's files import (Hypothesis, sympy, …), as a run does
 * for its code, so test modules do not fail to import. What cannot be loaded shows as the test run's own
 * collection error.
 */
export async function autoLoadProjectImports(rt: PythonRuntime, files: ProjectFile[], notify: (text: string) => void): Promise<void> {
  const index = lockIndex((rt.pyodide.lockfile as unknown as { packages: Parameters<typeof lockIndex>[0] }).packages);
  const wanted = importsToLoad(scanProjectImports(files), index, Object.keys(rt.pyodide.loadedPackages));
  if (wanted.length === 0) return;
  await autoLoadImports(rt, wanted.map((n) => `import ${n}`).join('\n'), notify);
}
