import { commands } from '../commands/commands.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

/** Buttons for the registered commands. */
export function Toolbar() {
  const state = useAppStore((s) => s);
  return (
    <div className="toolbar" role="toolbar" aria-label="Run controls" data-testid="toolbar">
      {commands
        .filter((c) => c.placement !== 'debug')
        .map((c) => (
          <button
            key={c.id}
            type="button"
            className={`btn btn-${c.id}`}
            data-testid={c.id}
            title={c.title}
            disabled={!c.isEnabled(state)}
            onClick={() => void c.execute(appStore)}
          >
            {c.label}
          </button>
        ))}
    </div>
  );
}
