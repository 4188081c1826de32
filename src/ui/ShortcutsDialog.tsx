import { commands, shortcutLabel } from '../commands/commands.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { Dialog } from './Dialog.tsx';

/** Shortcuts that belong to one place rather than to a command. */
const PLACE_SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['?', 'Show this list (outside text fields)'],
  ['Ctrl/Cmd+F', 'Find in the file (editor)'],
  ['Enter', 'Send the line the program asked for (console input)'],
  ['Ctrl+D', 'End of input: the program gets EOFError (console input)'],
  ['Enter / Shift+Enter', 'Send the message / new line (assistant)'],
  ['← → Home End', 'Move between tabs (panel tabs)'],
  ['Arrow keys', 'Resize the pane (a focused splitter)'],
  ['Escape', 'Close a dialog'],
];

/** Every keyboard shortcut: the registered commands' and the ones of each place. */
export function ShortcutsDialog() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const rows: Array<[string, string]> = [
    ...commands.filter((c) => c.shortcut).map((c): [string, string] => [shortcutLabel(c.shortcut ?? { key: '' }), c.label]),
    ...PLACE_SHORTCUTS,
  ];
  return (
    <Dialog open={open} onClose={() => appStore.getState().setShortcutsOpen(false)} title="Keyboard shortcuts" data-testid="shortcuts">
      <table className="shortcuts-table">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={`${keys}:${what}`} data-testid="shortcut-row">
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
