import { runLimits } from '../../config/runLimits.ts';
import { useEffect, useState } from 'react';
import type { ErrorAdvice } from '../../engine/handleError.ts';
import type { ExecutionResult } from '../../protocol/results.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { focusLimit } from './focusLimit.ts';
import { SuggestionsList } from './SuggestionsList.tsx';

/** "Suggestions" under every failed run (the engine's handleError); in LLM mode, "Explain with AI" asks the model in the chat. */
export function RunSuggestions() {
  const result = useAppStore((s) => s.lastResult);
  const engine = useAppStore((s) => s.engine);
  const llm = useAppStore((s) => s.agentMode?.kind === 'llm');
  const chatBusy = useAppStore((s) => s.chatBusy);
  // A new run makes the last run's advice stale.
  const running = useAppStore((s) => s.running);
  // Advice is kept with the result it is for, so a newer result never shows older advice.
  const [given, setGiven] = useState<{ for: ExecutionResult; advice: ErrorAdvice | null } | null>(null);
  const advice = given && given.for === result ? given.advice : null;

  useEffect(() => {
    if (!engine || !result || result.success) return;
    let live = true;
    const { settings } = appStore.getState();
    void engine.handleError(result, runLimits(settings)).then(
      (a) => live && setGiven({ for: result, advice: a }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [engine, result]);

  if (!advice || !result || running) return null;
  const explain = () => {
    const { code } = appStore.getState();
    const error = result.error
      ? result.error.traceback || `${result.error.type}: ${result.error.message}`
      : `The run ended with status ${result.status}.`;
    void appStore
      .getState()
      .sendChatMessage(
        `Explain this error and how to fix it.\n\nThe code:\n\`\`\`python\n${code.replace(/\n$/, '')}\n\`\`\`\n\nThe error:\n\`\`\`text\n${error.replace(/\n$/, '')}\n\`\`\``,
      );
  };
  return (
    <div className="run-suggestions" data-testid="run-suggestions">
      <SuggestionsList
        advice={advice}
        onInstall={(packages) => void appStore.getState().runChatTool('install_packages', { packages })}
        onLimit={focusLimit}
      />
      {llm ? (
        <button type="button" className="btn btn-small" data-testid="explain-ai" disabled={chatBusy} onClick={explain}>
          Explain with AI
        </button>
      ) : null}
    </div>
  );
}
