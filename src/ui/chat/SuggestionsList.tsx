import type { ErrorAdvice } from '../../engine/handleError.ts';
import { MarkdownText } from './MarkdownText.tsx';

/** An error's suggestions (from the engine's handleError), with its actions as buttons. */
export function SuggestionsList({
  advice,
  onInstall,
  onLimit,
}: {
  advice: ErrorAdvice;
  onInstall?: (packages: string[]) => void;
  onLimit?: (limit: 'timeout' | 'memory' | 'output') => void;
}) {
  return (
    <div className="suggestions" data-testid="suggestions" data-error-type={advice.errorType}>
      <p className="suggestions-summary">
        <strong>Suggestions</strong> · <MarkdownInline text={advice.summary} />
      </p>
      {advice.snippet ? <pre className="suggestions-snippet">{advice.snippet}</pre> : null}
      <ul>
        {advice.suggestions.map((s, i) => (
          <li key={i} data-testid="suggestion">
            <MarkdownInline text={`**${s.title}**: ${s.detail}`} />
          </li>
        ))}
      </ul>
      {advice.actions.length ? (
        <div className="suggestions-actions">
          {advice.actions.map((a, i) =>
            a.kind === 'install' && onInstall ? (
              <button
                key={i}
                type="button"
                className="btn btn-small"
                data-testid="suggestion-install"
                onClick={() => onInstall(a.packages)}
              >
                {a.label}
              </button>
            ) : a.kind === 'limit' && onLimit ? (
              <button key={i} type="button" className="btn btn-small" data-testid="suggestion-limit" onClick={() => onLimit(a.limit)}>
                {a.label}
              </button>
            ) : null,
          )}
        </div>
      ) : null}
    </div>
  );
}

function MarkdownInline({ text }: { text: string }) {
  return (
    <span className="md-inline">
      <MarkdownText text={text} />
    </span>
  );
}
