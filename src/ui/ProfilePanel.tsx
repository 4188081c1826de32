import { useState } from 'react';
import type { ProfileFunction } from '../runs/parseProfile.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { FlameGraph } from './FlameGraph.tsx';

type SortKey = 'name' | 'calls' | 'ownMs' | 'cumMs' | 'percent';

const COLUMNS: Array<{ key: SortKey; label: string; title: string }> = [
  { key: 'name', label: 'Function', title: 'Function, file and line' },
  { key: 'calls', label: 'Calls', title: 'Number of calls (recursive calls included)' },
  { key: 'ownMs', label: 'Own ms', title: 'Time in the function itself' },
  { key: 'cumMs', label: 'Cum. ms', title: 'Time in the function and everything it called' },
  { key: 'percent', label: '% own', title: "Own time as a share of the program's total" },
];

function sorted(rows: ProfileFunction[], key: SortKey, desc: boolean): ProfileFunction[] {
  const dir = desc ? -1 : 1;
  return [...rows].sort((a, b) => (key === 'name' ? a.name.localeCompare(b.name) : a[key] - b[key]) * dir);
}

/** The last profile: a sortable table of functions and the call tree's icicle chart; both jump to lines. */
export function ProfilePanel() {
  const profile = useAppStore((s) => s.profile);
  const error = useAppStore((s) => s.profileError);
  const path = useAppStore((s) => s.profilePath);
  const files = useAppStore((s) => s.files);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'ownMs', desc: true });
  if (!profile && !error)
    return <p className="panel panel-empty">No profile yet. Profile runs the active file under cProfile and shows where the time goes.</p>;
  const isOwnFile = (file: string) => file === path || files.some((f) => f.path === file);
  const pick = (file: string, line: number) => appStore.getState().revealLine(file, line);
  return (
    <section className="panel profile" data-testid="profile-panel" aria-label="Profile">
      {profile ? <p className="panel-title">{profile.totalMs.toFixed(1)} ms in total</p> : null}
      {error ? (
        <p className="field-message" role="alert">
          {error}
        </p>
      ) : null}
      {profile ? (
        <>
          <FlameGraph tree={profile.tree} isOwnFile={isOwnFile} onPick={pick} />
          <table className="deps-table profile-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                    <button
                      type="button"
                      className="th-sort"
                      title={`${c.title}; click to sort`}
                      onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' }))}
                    >
                      {c.label}
                      {sort.key === c.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted(profile.topFunctions, sort.key, sort.desc)
                .slice(0, 100)
                .map((f) => (
                  <tr key={f.key} data-testid="profile-row" data-name={f.name}>
                    <td>
                      {isOwnFile(f.file) ? (
                        <button type="button" className="link-button" title="Go to the line" onClick={() => pick(f.file, f.line)}>
                          {f.name}
                        </button>
                      ) : (
                        f.name
                      )}
                      <span className="profile-where">{f.file === '~' ? ' built-in' : ` ${f.file}:${f.line}`}</span>
                    </td>
                    <td>{f.calls === f.primitiveCalls ? f.calls : `${f.calls}/${f.primitiveCalls}`}</td>
                    <td>{f.ownMs.toFixed(2)}</td>
                    <td>{f.cumMs.toFixed(2)}</td>
                    <td>
                      <span className="profile-bar" style={{ width: `${Math.min(100, f.percent)}%` }} aria-hidden="true" />
                      {f.percent.toFixed(1)} %
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {profile.omitted ? <p className="deps-empty">{profile.omitted} more functions took too little time to list.</p> : null}
        </>
      ) : null}
    </section>
  );
}
