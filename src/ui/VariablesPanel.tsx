import { useEffect } from 'react';
import { VARIABLES_PAGE, type VariableRow } from '../protocol/variables.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { VariableLine } from './VariableLine.tsx';
import { variableKey, parseVariableKey } from '../store/variablesTypes.ts';

function Rows({ parent }: { parent: string }) {
  const listing = useAppStore((s) => s.variableTree[parent]);
  if (!listing) return null;
  const rows = parent === '' ? listing.rows.filter((r) => r.kind === 'value') : listing.rows;
  // Uncounted (the interpreter ran out of time counting): more may follow a full page.
  const more =
    listing.total === null ? listing.rows.length > 0 && listing.rows.length % VARIABLES_PAGE === 0 : listing.total > listing.rows.length;
  return (
    <>
      {rows.map((row) => (
        <Row key={row.name} row={row} rowKey={childKey(parent, listing.rows.indexOf(row), row.name)} />
      ))}
      {listing.error ? <li className="field-message">{listing.error}</li> : null}
      {more ? (
        <li>
          <button
            type="button"
            className="btn btn-small"
            disabled={listing.loading}
            onClick={() => void appStore.getState().moreVariables(parent)}
          >
            Show more ({listing.rows.length.toLocaleString()} of {listing.total === null ? 'many' : listing.total.toLocaleString()})
          </button>
        </li>
      ) : null}
    </>
  );
}

/** A top-level row is keyed by its name; a part by its parent's key and its index. */
function childKey(parent: string, index: number, name: string): string {
  if (parent === '') return variableKey(name);
  const { name: top, path } = parseVariableKey(parent);
  return variableKey(top, [...path, index]);
}

function Row({ row, rowKey }: { row: VariableRow; rowKey: string }) {
  const open = useAppStore((s) => s.expandedVariables.includes(rowKey));
  return (
    <li
      className="variable"
      data-testid="variable-row"
      data-name={row.name}
      role="treeitem"
      aria-expanded={row.expandable ? open : undefined}
    >
      <VariableLine
        row={row}
        open={open}
        showSize
        toggleTestId="variable-toggle"
        onToggle={() => void appStore.getState().toggleVariable(rowKey)}
      />
      {open ? (
        <ul role="group">
          <Rows parent={rowKey} />
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The Variables tab: the names the program left behind, with type, size and a short repr; containers,
 * dataclasses, objects and DataFrames open a page of parts at a time. Listed again after each run while shown.
 */
export function VariablesPanel() {
  const shown = useAppStore((s) => s.panelTab === 'variables');
  const stale = useAppStore((s) => s.variablesVersion !== s.namespaceVersion);
  const ready = useAppStore((s) => s.status.state === 'ready');
  const root = useAppStore((s) => s.variableTree['']);
  useEffect(() => {
    if (shown && stale && ready) void appStore.getState().refreshVariables();
  }, [shown, stale, ready]);
  const folded = root?.rows.filter((r) => r.kind !== 'value') ?? [];
  return (
    <section className="panel variables" data-testid="variables" aria-label="Variables" aria-busy={root?.loading ?? true}>
      {root && !root.loading && root.rows.length === 0 && !root.error ? (
        <p className="muted" data-testid="variables-empty">
          No variables yet: the names a run defines show here.
        </p>
      ) : null}
      <ul className="variables-tree" role="tree" aria-label="Names defined by the runs">
        <Rows parent="" />
      </ul>
      {folded.length ? (
        <details className="variables-folded">
          <summary>
            Modules, functions and classes ({folded.length}
            {root && root.total !== null && root.total > root.rows.length ? '+' : ''})
          </summary>
          <ul className="variables-tree">
            {folded.map((row) => (
              <Row key={row.name} row={row} rowKey={variableKey(row.name)} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
