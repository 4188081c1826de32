import type { Command } from '../commands/commands.ts';
import type { AppState } from '../store/types.ts';
import { appStore } from '../store/useAppStore.ts';

/** A registered command's button (its id is the test id), enabled as the command says for `state`. */
export function CommandButton({ command, state, className }: { command: Command; state: AppState; className: string }) {
  return (
    <button
      type="button"
      className={className}
      data-testid={command.id}
      title={command.unavailable?.(state) ?? command.title}
      disabled={!command.isEnabled(state)}
      onClick={() => void command.execute(appStore)}
    >
      {command.label}
    </button>
  );
}
