import type { DisplayData } from '../../protocol/results.ts';
import { HtmlFrame } from './HtmlFrame.tsx';
import { ImageView } from './ImageView.tsx';
import { markdownToHtml } from './markdownToHtml.ts';
import { pickMimeType } from './pickMimeType.ts';

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** One rich output, shown as what it is: an image, a table (HTML), formatted text, JSON, or plain text. */
export function DisplayView({ display, index }: { display: DisplayData; index: number }) {
  const mime = pickMimeType(display);
  const payload = display.data[mime] ?? '';
  const title = (display.data['text/plain'] ?? mime).slice(0, 200);
  const kindClass = display.kind === 'result' ? ' display-result' : '';
  let body;
  if (mime === 'text/html') body = <HtmlFrame html={payload} title={title} />;
  else if (mime === 'text/markdown') body = <HtmlFrame html={markdownToHtml(payload)} title={title} />;
  else if (mime === 'image/png' || mime === 'image/jpeg' || mime === 'image/svg+xml')
    body = <ImageView mime={mime} payload={payload} title={title} index={index} />;
  else body = <pre className="entry entry-value">{mime === 'application/json' ? prettyJson(payload) : payload}</pre>;
  return (
    <div className={`display${kindClass}`} data-kind="display" data-mime={mime}>
      {body}
    </div>
  );
}
