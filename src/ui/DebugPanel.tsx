import { useState, type FormEvent } from 'react';
import { commands } from '../commands/commands.ts';
import type { VariableRow } from '../protocol/variables.ts';
import { debugKey, parseDebugKey } from '../store/debugTypes.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { DebugBreakpoints } from './DebugBreakpoints.tsx';
import { CommandButton } from './CommandButton.tsx';
import { VariableLine } from './VariableLine.tsx';
import type { DebugPause } from '../protocol/debug.ts';

/** Why the program stopped, as the pause line says it. */
const WHY: Record<DebugPause['reason'], string> = {
  step: 'after a step',
  breakpoint: 'at a breakpoint',
  'condition-error': 'its condition failed',
  exception: 'where it failed',
};

function Names({ parent }: { parent: string }) {
  const listing = useAppStore((s) => s.debugTree[parent]);
  if (!listing) return null;
  return (
    <>
      {listing.loading && listing.rows.length === 0 ? <li className="muted">Listing…</li> : null}
      {listing.rows.map((row, index) => (
        <Name key={`${row.name}-${index}`} row={row} rowKey={childKey(parent, index, row.name)} />
      ))}
      {listing.error ? <li className="field-message">{listing.error}</li> : null}
      {listing.total !== null && listing.total > listing.rows.length ? (
        <li className="muted">…and {(listing.total - listing.rows.length).toLocaleString()} more</li>
      ) : null}
    </>
  );
}

/** A frame's name is keyed by its scope and name; a part by its parent's key and its index. */
function childKey(parent: string, index: number, name: string): string {
  if (parent === 'locals' || parent === 'globals') return debugKey(parent, name);
  const { scope, name: top, path } = parseDebugKey(parent);
  return debugKey(scope, top, [...path, index]);
}

function Name({ row, rowKey }: { row: VariableRow; rowKey: string }) {
  const open = useAppStore((s) => s.debugExpanded.includes(rowKey));
  return (
    <li
      className="variable"
      data-testid="debug-variable"
      data-name={row.name}
      role="treeitem"
      aria-expanded={row.expandable ? open : undefined}
    >
      <VariableLine row={row} open={open} reprTestId="debug-value" onToggle={() => void appStore.getState().toggleDebugVariable(rowKey)} />
      {open ? (
        <ul role="group">
          <Names parent={rowKey} />
        </ul>
      ) : null}
    </li>
  );
}

function Stack() {
  const frames = useAppStore((s) => s.debugPause?.frames ?? []);
  const selected = useAppStore((s) => s.debugFrame);
  return (
    <ol className="debug-stack" data-testid="debug-stack" aria-label="Call stack">
      {frames.map((f, i) => (
        <li key={`${i}-${f.file}-${f.line}`} data-testid="debug-frame" aria-current={i === selected ? 'true' : undefined}>
          <button type="button" className="debug-frame" onClick={() => void appStore.getState().selectDebugFrame(i)}>
            <span className="debug-frame-name">{f.name}</span>
            <span className="debug-frame-where">
              {f.file}:{f.line}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}

function Watches() {
  const watches = useAppStore((s) => s.debugWatches);
  const paused = useAppStore((s) => s.debugPause !== null);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    void appStore.getState().addDebugWatch(text);
    setText('');
  };
  return (
    <div className="debug-watches">
      <form onSubmit={submit} className="debug-evaluate-form">
        <input
          data-testid="debug-evaluate"
          className="input"
          aria-label="Evaluate an expression in the selected frame"
          placeholder={paused ? 'Evaluate in the selected frame (Enter)' : 'Watch an expression (evaluated at each pause)'}
          value={text}
          maxLength={10_000}
          onChange={(e) => setText(e.target.value)}
        />
      </form>
      <ul className="debug-watch-list" aria-label="Watched expressions">
        {watches.map((w, i) => (
          <li key={`${i}-${w.expression}`} data-testid="debug-watch" data-expression={w.expression}>
            <code className="debug-watch-expression">{w.expression}</code>
            <span className={w.error ? 'field-message' : 'debug-watch-value'} data-testid="debug-watch-value">
              {w.loading ? '…' : w.error ? w.error : w.result ? `= ${w.result.repr}  (${w.result.type})` : paused ? '' : 'not paused'}
            </span>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Stop watching ${w.expression}`}
              onClick={() => appStore.getState().removeDebugWatch(i)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Where() {
  const pause = useAppStore((s) => s.debugPause);
  const debugging = useAppStore((s) => s.debugging);
  if (pause) {
    const why = WHY[pause.reason];
    return (
      <p className="debug-where" data-testid="debug-where" role="status">
        Paused at {pause.file}:{pause.line} ({why}){pause.message ? `: ${pause.message}` : ''}
      </p>
    );
  }
  return (
    <p className="debug-where muted" data-testid="debug-where" role="status">
      {debugging
        ? 'Running under the debugger…'
        : 'Click the gutter left of a line number to set a breakpoint, then Debug (F5). Run ignores breakpoints.'}
    </p>
  );
}

/**
 * The Debug tab: stepping buttons, where the program stopped, its call stack, the selected frame's locals
 * (and globals, listed when opened), watched expressions, and the project's breakpoints with their conditions.
 */
export function DebugPanel() {
  const state = useAppStore((s) => s);
  const paused = state.debugPause !== null;
  return (
    <section className="panel debug" data-testid="debug-panel" aria-label="Debugger">
      <div className="debug-toolbar" role="toolbar" aria-label="Debugger controls">
        {commands
          .filter((c) => c.placement === 'debug')
          .map((c) => (
            <CommandButton key={c.id} command={c} state={state} className="btn btn-small" />
          ))}
        <Where />
      </div>
      <div className="debug-columns">
        <div className="debug-column">
          <h3 className="debug-heading">Call stack</h3>
          {paused ? <Stack /> : <p className="muted">Not paused.</p>}
          <h3 className="debug-heading">Breakpoints</h3>
          <DebugBreakpoints />
        </div>
        <div className="debug-column">
          <h3 className="debug-heading">Locals</h3>
          <ul className="variables-tree" data-testid="debug-locals" role="tree" aria-label="Local names of the selected frame">
            {paused ? <Names parent="locals" /> : null}
          </ul>
          {paused ? (
            <details
              className="variables-folded"
              onToggle={(e) => {
                const open = e.currentTarget.open;
                if (open !== state.debugExpanded.includes('globals')) void appStore.getState().toggleDebugVariable('globals');
              }}
            >
              <summary>Globals</summary>
              <ul className="variables-tree" data-testid="debug-globals" role="tree" aria-label="Global names of the selected frame">
                <Names parent="globals" />
              </ul>
            </details>
          ) : null}
        </div>
        <div className="debug-column">
          <h3 className="debug-heading">Watch</h3>
          <Watches />
        </div>
      </div>
    </section>
  );
}
