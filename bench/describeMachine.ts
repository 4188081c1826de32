import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { readFile } from 'node:fs/promises';
import { PYODIDE_VERSION } from '../src/protocol/paths.ts';
import { runCommand } from './runCommand.ts';
import type { MachineInfo } from './types.ts';

async function osName(): Promise<string> {
  const text = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1];
  return `${pretty ?? osType()} (kernel ${release()})`;
}

/** Describes the machine, the runtimes and the browser the numbers come from. */
export async function describeMachine(chromiumVersion: string): Promise<MachineInfo> {
  const python = await runCommand('python3', ['--version'], process.cwd()).catch(() => null);
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: await osName(),
    node: process.version,
    chromium: chromiumVersion,
    pyodide: PYODIDE_VERSION,
    python: python ? (python.stdout || python.stderr).trim() : 'python3 not found',
    loadAverage: { start: Math.round((loadavg()[0] ?? 0) * 100) / 100, end: null },
  };
}
