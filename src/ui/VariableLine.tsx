import type { VariableRow } from '../protocol/variables.ts';

/**
 * One variable's line, as the Variables and Debug tabs show it: the toggle of its parts (when it has any),
 * its name, type, size (when `showSize`) and short repr.
 */
export function VariableLine(props: {
  row: VariableRow;
  open: boolean;
  onToggle: () => void;
  showSize?: boolean;
  toggleTestId?: string;
  reprTestId?: string;
}) {
  const { row, open } = props;
  return (
    <div className="variable-line">
      {row.expandable ? (
        <button
          type="button"
          className="variable-toggle"
          data-testid={props.toggleTestId}
          aria-label={`${open ? 'Hide' : 'Show'} the parts of ${row.name}`}
          onClick={props.onToggle}
        >
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span className="variable-toggle" aria-hidden="true" />
      )}
      <span className="variable-name">{row.name}</span>
      <span className="variable-type">{row.type}</span>
      {props.showSize ? <span className="variable-size">{row.size ?? ''}</span> : null}
      <span className="variable-repr" data-testid={props.reprTestId} title={row.repr}>
        {row.repr}
      </span>
    </div>
  );
}
