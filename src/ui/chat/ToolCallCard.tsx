import type { Demo } from '../../agent/demos/gallery.ts';
import type { BatchData } from '../../agent/tools/executeBatch.ts';
import { describeListed, type ListFilesData } from '../../agent/tools/listFiles.ts';
import type { ProfileData } from '../../agent/tools/profileCode.ts';
import type { ReadFileData } from '../../agent/tools/readFile.ts';
import type { RunSummary } from '../../agent/tools/runSummary.ts';
import type { TestRunSummary } from '../../agent/tools/testSummary.ts';
import type { ErrorAdvice } from '../../engine/handleError.ts';
import type { ValidationReport } from '../../protocol/policy.ts';
import type { ImportReport, InstallReport } from '../../protocol/results.ts';
import type { ChatToolCall } from '../../store/types.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { CodeBlock } from './CodeBlock.tsx';
import { focusLimit } from './focusLimit.ts';
import { ProfileResult } from './ProfileResult.tsx';
import { SuggestionsList } from './SuggestionsList.tsx';
import { DisplayView } from '../display/DisplayView.tsx';
import { TestRunResult } from './TestRunResult.tsx';
import { DebugStopView } from './DebugStopView.tsx';
import { ToolOutput } from './ToolOutput.tsx';

const install = (packages: string[]) => void appStore.getState().runChatTool('install_packages', { packages });

/** One tool call: its name, arguments, status and result. */
export function ToolCallCard({ call }: { call: ChatToolCall }) {
  const args = (call.args ?? {}) as Record<string, unknown>;
  // Code and file content are shown folded below, not in the one-line arguments.
  const { code, content, ...otherArgs } = args;
  const argText = Object.keys(otherArgs).length ? JSON.stringify(otherArgs) : '';
  const body = typeof code === 'string' ? code : typeof content === 'string' ? content : null;
  return (
    <div className={`tool-card tool-${call.state}`} data-testid="tool-call" data-tool={call.name} data-state={call.state}>
      <div className="tool-head">
        <span className="tool-name">{call.name}</span>
        {argText ? (
          <code className="tool-args" data-testid="tool-args">
            {argText}
          </code>
        ) : null}
        <span className={`tool-state tool-state-${call.state}`}>{call.state === 'running' ? 'running…' : call.state}</span>
      </div>
      {body !== null ? (
        <details className="tool-code">
          <summary>
            {typeof code === 'string' ? 'Code' : 'Content'} ({body.split('\n').length} lines)
          </summary>
          <pre>{body}</pre>
        </details>
      ) : null}
      {call.outcome ? (
        <div className="tool-result" data-testid="tool-result">
          <p className="tool-summary" data-testid="tool-summary">
            {call.outcome.summary}
          </p>
          <ToolData name={call.name} data={call.outcome.data} />
          {call.outcome.view?.displays.length ? (
            <div className="tool-images" data-testid="tool-images">
              {call.outcome.view.displays.map((d, i) => (
                <DisplayView key={i} display={d} index={i} />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ToolData({ name, data }: { name: string; data: unknown }) {
  const busy = useAppStore((s) => s.chatBusy);
  switch (name) {
    case 'execute_code': {
      const r = data as RunSummary;
      if (!r?.metrics) return null;
      return (
        <>
          <p className="tool-metrics">
            <span className={`badge badge-${r.status}`}>{r.status}</span> wall {Math.round(r.metrics.wallMs)} ms · CPU{' '}
            {Math.round(r.metrics.cpuMs)} ms · heap peak {r.metrics.peakMemoryMB.toFixed(1)} MB
          </p>
          <ToolOutput text={r.stdout + r.stderr} />
          {r.value !== null ? <pre className="tool-output tool-value">{r.value}</pre> : null}
          {r.displays?.length ? (
            <ul className="tool-displays" data-testid="tool-displays">
              {r.displays.map((d, i) => (
                <li key={i}>Produced {d} (shown in the console)</li>
              ))}
            </ul>
          ) : null}
          {r.error ? <pre className="tool-output tool-error">{r.error.traceback || `${r.error.type}: ${r.error.message}`}</pre> : null}
          {r.advice ? <SuggestionsList advice={r.advice} onInstall={busy ? undefined : install} onLimit={focusLimit} /> : null}
        </>
      );
    }
    case 'handle_error': {
      const advice = (data as { advice: ErrorAdvice | null }).advice;
      return advice ? <SuggestionsList advice={advice} onInstall={busy ? undefined : install} onLimit={focusLimit} /> : null;
    }
    case 'analyze_dependencies': {
      const { imports, installable } = data as { imports: ImportReport[]; installable: string[] };
      if (!imports) return null;
      return (
        <>
          <table className="deps-table">
            <tbody>
              {imports.map((d) => (
                <tr key={d.module} data-testid="tool-dep" data-verdict={d.verdict}>
                  <td>
                    <code>{d.module}</code>
                  </td>
                  <td>{d.verdict}</td>
                  <td>{d.package ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {installable.length ? (
            <button type="button" className="btn btn-small" data-testid="tool-install" disabled={busy} onClick={() => install(installable)}>
              Install {installable.join(', ')}
            </button>
          ) : null}
        </>
      );
    }
    case 'install_packages': {
      const r = data as InstallReport;
      if (!r?.installed) return null;
      return (
        <ul className="tool-list">
          {r.installed.map((p) => (
            <li key={p.name}>
              ✓ {p.name} {p.version}
            </li>
          ))}
          {r.failed.map((f) => (
            <li key={f.name} className="tool-failed">
              ✗ {f.name}: {f.reason}
            </li>
          ))}
        </ul>
      );
    }
    case 'validate_code': {
      const r = data as ValidationReport;
      if (!r?.diagnostics) return null;
      return (
        <ul className="tool-list">
          {r.diagnostics.map((d, i) => (
            <li key={i} data-testid="tool-diagnostic" data-rule={d.rule} className={d.severity === 'error' ? 'tool-failed' : ''}>
              line {d.line}: {d.message} <span className="tool-args">({d.rule})</span>
              {d.suggestion ? <div>→ {d.suggestion}</div> : null}
            </li>
          ))}
        </ul>
      );
    }
    case 'run_tests': {
      const r = data as TestRunSummary;
      return r?.counts ? <TestRunResult data={r} /> : null;
    }
    case 'profile_code': {
      const r = data as ProfileData;
      return r?.metrics ? <ProfileResult data={r} /> : null;
    }
    case 'list_files': {
      const r = data as ListFilesData;
      if (!r?.files) return null;
      return (
        <ul className="tool-list">
          {r.files.map((f) => (
            <li key={f.path} data-testid="tool-file" data-path={f.path}>
              <code>{f.path}</code>{' '}
              <span className="tool-args">
                {describeListed(f)}
                {f.path === r.active ? ' · open' : ''}
              </span>
            </li>
          ))}
          {r.more ? <li>… and {r.more} more</li> : null}
        </ul>
      );
    }
    case 'read_file': {
      const r = data as ReadFileData;
      if (!r || !('content' in r) || typeof r.content !== 'string') return null;
      return (
        <details className="tool-code">
          <summary>{r.path}</summary>
          <pre data-testid="tool-file-content">{r.content}</pre>
        </details>
      );
    }
    case 'debug_python':
    case 'debug_step':
    case 'debug_stop':
      return data === undefined ? null : <DebugStopView data={data as Parameters<typeof DebugStopView>[0]['data']} />;
    case 'write_file':
      return null; // the summary says what was written; the content is folded above
    case 'execute_batch': {
      const r = data as BatchData;
      if (!r?.steps) return null;
      return (
        <ol className="tool-list">
          {r.steps.map((step, i) => (
            <li
              key={i}
              data-testid="tool-batch-step"
              data-status={step.status}
              className={step.status === 'ok' || step.status === 'skipped' ? '' : 'tool-failed'}
            >
              <code>{step.name}</code> {step.status}
              {step.wallMs !== null ? ` · ${step.wallMs} ms` : ''}
              {step.error ? `: ${step.error}` : ''}
              {step.stdout ? <pre className="tool-output">{step.stdout}</pre> : null}
            </li>
          ))}
        </ol>
      );
    }
    case 'create_demo': {
      const demo = data as Demo;
      if (!demo?.code) return null;
      return <CodeBlock code={demo.code} language="python" />;
    }
    default:
      return data === undefined ? null : (
        <details className="tool-code">
          <summary>Result</summary>
          <pre>{JSON.stringify(data, null, 2).slice(0, 20_000)}</pre>
        </details>
      );
  }
}
