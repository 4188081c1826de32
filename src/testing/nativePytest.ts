import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's python3-pytest (installed by npm test's system-package step).
const NATIVE_PYTHON = '/usr/bin/python3';

/** Native pytest on a folder: its summary line without the time, and its --junitxml report. */
export function nativePytest(folder: string, args: string[] = []): { summary: string; junit: string } {
  const out = mkdtempSync(join(tmpdir(), 'executor-native-'));
  try {
    const junitPath = join(out, 'junit.xml');
    const run = spawnSync(
      NATIVE_PYTHON,
      ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', '--color=no', `--junitxml=${junitPath}`, ...args],
      {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      },
    );
    const line = run.stdout
      .trim()
      .split('\n')
      .reverse()
      .find((l) => / in \d+\.\d+s/.test(l));
    if (!line) throw new Error(`native pytest printed no summary line (is python3-pytest installed?):\n${run.stdout}${run.stderr}`);
    return { summary: withoutTime(line.replace(/^=+ | =+$/g, '')), junit: readFileSync(junitPath, 'utf8') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** pytest's summary line without its " in 0.41s". */
export const withoutTime = (line: string) => line.replace(/ in \d+\.\d+s.*$/, '');
