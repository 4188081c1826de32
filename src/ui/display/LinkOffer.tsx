/** Whether a link from an output may be offered for opening: absolute http(s) URLs only. */
export function openableUrl(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Shown under an HTML output when one of its links was clicked: the full URL, and a
 * button that opens it in a new tab without access to this page; other links are explained, not followed.
 */
export function LinkOffer({ href, onClose }: { href: string; onClose: () => void }) {
  const url = openableUrl(href);
  return (
    <div className="entry entry-notice link-offer" data-testid="display-link-offer" role="status">
      {url ? (
        <>
          <span>
            This output links to <code className="link-offer-url">{url}</code>
          </span>
          <button
            type="button"
            className="btn btn-small"
            data-testid="display-link-open"
            onClick={() => {
              window.open(url, '_blank', 'noopener,noreferrer');
              onClose();
            }}
          >
            Open in a new tab
          </button>
        </>
      ) : (
        <span>
          This link (<code className="link-offer-url">{href.slice(0, 200) || '(empty)'}</code>) does not lead to a web page, so it was not
          followed.
        </span>
      )}
      <button type="button" className="btn btn-small" data-testid="display-link-dismiss" onClick={onClose}>
        Dismiss
      </button>
    </div>
  );
}
