import { useState } from 'react';
import type { Breakpoint } from '../protocol/debug.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

function Condition({ point }: { point: Breakpoint }) {
  const [text, setText] = useState(point.condition ?? '');
  const save = () => {
    if (text.trim() !== (point.condition ?? '')) appStore.getState().setBreakpointCondition(point.file, point.line, text);
  };
  return (
    <input
      className="input debug-condition"
      data-testid="debug-condition"
      aria-label={`Condition of the breakpoint at ${point.file}:${point.line}`}
      placeholder="Stop when… (a Python expression)"
      value={text}
      maxLength={10_000}
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
      }}
    />
  );
}

/** The project's breakpoints: where, an optional condition, and a way to remove each; a click opens the line. */
export function DebugBreakpoints() {
  const points = useAppStore((s) => s.breakpoints);
  if (points.length === 0) return <p className="muted">None: click the gutter left of a line number.</p>;
  return (
    <ul className="debug-breakpoints" aria-label="Breakpoints">
      {points.map((p) => (
        <li key={`${p.file}:${p.line}`} data-testid="debug-breakpoint" data-file={p.file} data-line={p.line}>
          <button
            type="button"
            className="debug-breakpoint-where"
            title="Show this line"
            onClick={() => appStore.getState().revealLine(p.file, p.line)}
          >
            {p.file}:{p.line}
          </button>
          <Condition key={p.condition ?? ''} point={p} />
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Remove the breakpoint at ${p.file}:${p.line}`}
            onClick={() => appStore.getState().removeBreakpoint(p.file, p.line)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
