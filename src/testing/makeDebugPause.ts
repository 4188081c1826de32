import type { DebugPause } from '../protocol/debug.ts';
import type { VariableRow } from '../protocol/variables.ts';

/** A local of a pause: an int with its repr. */
export const localRow = (name: string, repr: string): VariableRow => ({
  name,
  type: 'int',
  kind: 'value',
  size: null,
  repr,
  expandable: false,
});

/**
 * A pause for tests: at `file:line` (main.py:1 by default) in one frame (`<module>`, or `frame`), with `locals` as
 * name → repr.
 */
export function makeDebugPause(
  at: Partial<Pick<DebugPause, 'reason' | 'message' | 'file' | 'line'>> & { frame?: string; locals?: Record<string, string> } = {},
): DebugPause {
  const file = at.file ?? 'main.py';
  const line = at.line ?? 1;
  const rows = Object.entries(at.locals ?? {}).map(([name, repr]) => localRow(name, repr));
  return {
    reason: at.reason ?? 'breakpoint',
    message: at.message ?? null,
    file,
    line,
    frames: [{ name: at.frame ?? '<module>', file, line }],
    locals: { rows, total: rows.length, offset: 0 },
  };
}
