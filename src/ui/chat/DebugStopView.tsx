import type { FinishedSummary, PauseSummary } from '../../agent/tools/debugOutcome.ts';
import { ToolOutput } from './ToolOutput.tsx';

/** A debug tool's result in its card: where the program stopped (line, locals, stack), or how the run ended. */
export function DebugStopView({ data }: { data: PauseSummary | FinishedSummary | { state: 'none' } | { error: string } }) {
  if (!('state' in data) || data.state === 'none') return null;
  if (data.state === 'finished') {
    return (
      <>
        <p className="tool-metrics">
          <span className={`badge badge-${data.status}`}>{data.status}</span> the debug run finished
          {data.note ? ` · ${data.note}` : ''}
        </p>
        <ToolOutput text={data.stdout + data.stderr} />
      </>
    );
  }
  const locals = Object.entries(data.locals);
  return (
    <div className="tool-debug" data-testid="tool-debug-pause" data-reason={data.reason}>
      <p className="tool-metrics">
        <span className="badge badge-paused">paused</span> <code data-testid="tool-debug-where">{data.where}</code>
        {data.message ? ` · ${data.message}` : ''}
      </p>
      {data.source !== null ? (
        <pre className="tool-output" data-testid="tool-debug-source">
          {data.source}
        </pre>
      ) : null}
      {locals.length ? (
        <table className="tool-locals">
          <tbody>
            {locals.map(([name, repr]) => (
              <tr key={name} data-testid="tool-debug-local" data-name={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  <code>{repr}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data.stack.length > 1 ? (
        <ol className="tool-list" data-testid="tool-debug-stack">
          {data.stack.map((frame) => (
            <li key={frame}>{frame}</li>
          ))}
        </ol>
      ) : null}
      {data.output ? <pre className="tool-output">{data.output}</pre> : null}
    </div>
  );
}
