/**
 * Lints and formats Executor's own Python (src/worker/python) with Ruff's WebAssembly build
 * from npm, with the settings in ruff.toml (no pip, no binary download).
 *
 *   tsx scripts/ruffPython.ts          check: lint findings and unformatted files, exit 1 if any
 *   tsx scripts/ruffPython.ts --write  format the files in place, then check
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PositionEncoding, Workspace, type Diagnostic } from '@astral-sh/ruff-wasm-nodejs';
import { parse } from 'smol-toml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PYTHON_DIR = join(ROOT, 'src/worker/python');

/** One problem Ruff found, as `path:row:col CODE message`. */
export interface RuffFinding {
  file: string;
  line: string;
}

/** Lints (and with `write`, formats) every .py file under `dir`; returns what is still wrong. */
export function ruffPython(dir: string, settings: Record<string, unknown>, write: boolean): RuffFinding[] {
  const workspace = new Workspace(settings, PositionEncoding.Utf16);
  const findings: RuffFinding[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.py'))
    .sort();
  for (const name of files) {
    const path = join(dir, name);
    const file = relative(ROOT, path);
    let source = readFileSync(path, 'utf8');
    const formatted = workspace.format(source);
    if (formatted !== source) {
      if (write) {
        writeFileSync(path, formatted);
        source = formatted;
      } else findings.push({ file, line: `${file}: not formatted (run npm run format)` });
    }
    for (const d of workspace.check(source) as Diagnostic[]) {
      findings.push({ file, line: `${file}:${d.start_location.row}:${d.start_location.column} ${d.code ?? ''} ${d.message}` });
    }
  }
  return findings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const settings = parse(readFileSync(join(ROOT, 'ruff.toml'), 'utf8'));
  const findings = ruffPython(PYTHON_DIR, settings, process.argv.includes('--write'));
  for (const f of findings) console.log(f.line);
  if (findings.length > 0) {
    console.log(`Ruff: ${findings.length} problem(s) in src/worker/python.`);
    process.exit(1);
  }
  console.log('Ruff: src/worker/python is clean.');
}
