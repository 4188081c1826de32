/** What a Python exception says, from its last traceback line (a PythonError's message is the whole traceback). */
export function pythonErrorLine(err: unknown): string {
  const lines = (err instanceof Error ? err.message : String(err)).trim().split('\n');
  return lines.at(-1) || 'unknown error';
}
