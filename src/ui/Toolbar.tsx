import { commands } from '../commands/commands.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { CommandButton } from './CommandButton.tsx';

/** Buttons for the registered commands. */
export function Toolbar() {
  const state = useAppStore((s) => s);
  return (
    <div className="toolbar" role="toolbar" aria-label="Run controls" data-testid="toolbar">
      {commands
        .filter((c) => c.placement !== 'debug')
        .map((c) => (
          <CommandButton key={c.id} command={c} state={state} className={`btn btn-${c.id}`} />
        ))}
    </div>
  );
}
