import { useEffect } from 'react';
import { detectAgentMode } from '../../agent/detectAgentMode.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';

/** Which assistant answers (asked from the server once); test id `agent-mode`, `data-mode` = llm | offline | checking. */
export function AgentModeBadge() {
  const mode = useAppStore((s) => s.agentMode);
  useEffect(() => {
    let live = true;
    void detectAgentMode().then((m) => live && appStore.getState().setAgentMode(m));
    return () => {
      live = false;
    };
  }, []);
  const label = !mode
    ? 'Checking…'
    : mode.kind === 'llm'
      ? `AI: Azure OpenAI${mode.deployment ? ` (${mode.deployment})` : ''}`
      : 'Offline assistant';
  const title = !mode
    ? 'Asking the server whether an AI model is configured'
    : mode.kind === 'llm'
      ? 'Answers come from the Azure OpenAI deployment configured on the server (the key stays on the server).'
      : `No AI model is configured${mode.reason ? ` (${mode.reason})` : ''}: a built-in assistant follows the requests listed in its help. See the README to connect Azure OpenAI.`;
  return (
    <span
      className={`agent-mode agent-mode-${mode?.kind ?? 'checking'}`}
      data-testid="agent-mode"
      data-mode={mode?.kind ?? 'checking'}
      title={title}
    >
      {label}
    </span>
  );
}
