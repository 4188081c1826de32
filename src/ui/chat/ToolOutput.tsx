/** What a run printed (stdout and stderr, in order), in a tool card; nothing when it printed nothing. */
export function ToolOutput({ text }: { text: string }) {
  return text ? (
    <pre className="tool-output" data-testid="tool-output">
      {text}
    </pre>
  ) : null;
}
