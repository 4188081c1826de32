import { textOf } from '../../project/fileContent.ts';
import type { ProjectFile } from '../../protocol/testProtocol.ts';
import { isTestTarget } from './isTestTarget.ts';

/** A test function found in the project: its pytest node id, and the line of its body's first statement. */
export interface FoundTest {
  nodeId: string;
  file: string;
  firstLine: number;
}

/**
 * The test named `name` ("test_bad") in the project's test files: `file::name`, or `file::Class::name` for a
 * method of a test class. Null when no test file defines it.
 */
export function findTest(name: string, files: readonly ProjectFile[]): FoundTest | null {
  const def = new RegExp(`^(\\s*)(?:async\\s+)?def\\s+${name}\\s*\\(`);
  for (const file of files) {
    const text = textOf(file);
    if (text === null || !isTestTarget(file.path)) continue;
    const lines = text.split('\n');
    const at = lines.findIndex((l) => def.test(l));
    if (at < 0) continue;
    const indent = def.exec(lines[at] ?? '')?.[1] ?? '';
    let owner: string | null = null;
    if (indent) {
      for (let i = at - 1; i >= 0 && owner === null; i--) {
        const match = /^class\s+(\w+)/.exec(lines[i] ?? '');
        if (match) owner = match[1] ?? null;
      }
    }
    // The first statement after the signature (which may span lines up to its colon).
    let body = at;
    while (body < lines.length && !/:\s*(#.*)?$/.test(lines[body] ?? '')) body++;
    body++;
    while (body < lines.length && /^\s*(#.*)?$/.test(lines[body] ?? '')) body++;
    return { nodeId: [file.path, ...(owner ? [owner] : []), name].join('::'), file: file.path, firstLine: body + 1 };
  }
  return null;
}

/** The first line of code that runs (not blank, not a comment), 1-based; null for code with none. */
export function firstCodeLine(code: string): number | null {
  const at = code.split('\n').findIndex((l) => /^\S/.test(l) && !l.startsWith('#'));
  return at < 0 ? null : at + 1;
}
