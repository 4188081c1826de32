import { useAppStore } from '../store/useAppStore.ts';

/** Run settings for standard input: pre-filled input for unattended runs, and whether waiting for input counts toward the timeout. */
export function StdinPanel() {
  const stdinText = useAppStore((s) => s.stdinText);
  const stdinEnabled = useAppStore((s) => s.stdinEnabled);
  const counts = useAppStore((s) => s.inputCountsTowardTimeout);
  const update = useAppStore((s) => s.updateStdinSettings);

  return (
    <details className="deps stdin-panel" data-testid="stdin-panel" open={stdinEnabled || undefined}>
      <summary>Input{stdinEnabled ? ' (pre-filled)' : ''}</summary>
      <label className="deps-auto">
        <input
          type="checkbox"
          data-testid="setting-stdin-enabled"
          checked={stdinEnabled}
          onChange={(e) => update({ stdinEnabled: e.target.checked })}
        />
        Pre-filled input: programs read the text below, then reach end of file (no prompts)
      </label>
      <textarea
        className="stdin-text"
        data-testid="setting-stdin"
        aria-label="Pre-filled standard input"
        placeholder={'One line per input() call, e.g.\n3\n4'}
        rows={3}
        spellCheck={false}
        value={stdinText}
        onChange={(e) => update({ stdinText: e.target.value, ...(e.target.value !== '' && !stdinText ? { stdinEnabled: true } : {}) })}
      />
      <label className="deps-auto">
        <input
          type="checkbox"
          data-testid="setting-input-timeout"
          checked={counts}
          onChange={(e) => update({ inputCountsTowardTimeout: e.target.checked })}
        />
        Time spent waiting for my input counts toward the timeout
      </label>
    </details>
  );
}
