import { CommandId, runCommand } from '../../commands/commands.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';

/** A code block from the assistant, with "Insert in editor" and (for Python) "Run", through the same store actions and Run command as the toolbar. */
export function CodeBlock({ code, language }: { code: string; language: string }) {
  const canRun = useAppStore((s) => s.engine !== null && s.status.state !== 'failed' && !s.running);
  const python = language === '' || /^(python|py|python3)$/i.test(language);
  const text = code.replace(/\n$/, '');
  return (
    <div className="chat-code" data-testid="chat-code">
      {/* Focusable: a long line scrolls sideways from the keyboard too. */}
      <pre tabIndex={0} aria-label={`${python ? 'Python ' : ''}code`}>
        <code>{text}</code>
      </pre>
      {python ? (
        <div className="chat-code-actions">
          <button
            type="button"
            className="btn btn-small"
            data-testid="code-insert"
            onClick={() => appStore.getState().insertCode(`${text}\n`)}
          >
            Insert in editor
          </button>
          <button
            type="button"
            className="btn btn-small btn-run"
            data-testid="code-run"
            disabled={!canRun}
            onClick={() => {
              appStore.getState().insertCode(`${text}\n`);
              runCommand(CommandId.run, appStore);
            }}
          >
            Run
          </button>
        </div>
      ) : null}
    </div>
  );
}
