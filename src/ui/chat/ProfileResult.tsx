import type { ProfileData } from '../../agent/tools/profileCode.ts';
import { MarkdownText } from './MarkdownText.tsx';

/** Rows of the profile table a card shows (the tool reports up to its `top`). */
const CARD_ROWS = 5;

/** profile_code's card body: the top functions by own time and the suggestions. */
export function ProfileResult({ data }: { data: ProfileData }) {
  return (
    <>
      <p className="tool-metrics">
        <span className={`badge badge-${data.status}`}>{data.status}</span>
        {data.totalMs !== null ? ` ${data.totalMs.toFixed(1)} ms profiled` : ' nothing measured'} · wall {Math.round(data.metrics.wallMs)}{' '}
        ms
        {data.hottest ? (
          <>
            {' '}
            · hottest <code data-testid="tool-profile-hottest">{data.hottest}</code>
          </>
        ) : null}
      </p>
      {data.stdout ? (
        <pre className="tool-output" data-testid="tool-output">
          {data.stdout}
        </pre>
      ) : null}
      {data.error ? <pre className="tool-output tool-error">{`${data.error.type}: ${data.error.message}`}</pre> : null}
      {data.top.length ? (
        <table className="deps-table profile-table">
          <thead>
            <tr>
              <th>Function</th>
              <th>Calls</th>
              <th>Own ms</th>
              <th>Cum. ms</th>
              <th>% own</th>
            </tr>
          </thead>
          <tbody>
            {data.top.slice(0, CARD_ROWS).map((f) => (
              <tr key={`${f.file}:${f.line}:${f.name}`} data-testid="tool-profile-row" data-name={f.name} data-own={f.own}>
                <td>
                  {f.own ? <strong>{f.name}</strong> : f.name}
                  <span className="profile-where">{f.file === '~' ? ' built-in' : ` ${f.file}:${f.line}`}</span>
                </td>
                <td>{f.calls}</td>
                <td>{f.ownMs.toFixed(2)}</td>
                <td>{f.cumMs.toFixed(2)}</td>
                <td>{f.percent.toFixed(1)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data.suggestions.length ? (
        <ul className="tool-list" data-testid="tool-profile-suggestions">
          {data.suggestions.map((s, i) => (
            <li key={i} data-testid="tool-profile-suggestion">
              <span className="md-inline">
                <MarkdownText text={s} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
