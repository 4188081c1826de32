import { OutputConsole } from '../OutputConsole.tsx';
import { StdinPanel } from '../StdinPanel.tsx';
import { RunSuggestions } from '../chat/RunSuggestions.tsx';

/** The Console tab: the output at full height, the pre-filled input above it, advice on a failed run below it. */
export function ConsolePanel() {
  return (
    <div className="console-panel">
      <StdinPanel />
      <OutputConsole />
      <RunSuggestions />
    </div>
  );
}
