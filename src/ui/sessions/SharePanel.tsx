import { useState } from 'react';
import { formatSize, type ShareLink } from '../../session/shareLink.ts';
import { MAX_LINK_PAYLOAD_CHARS } from '../../session/sessionLimits.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { exportSessionFile } from './exportSessionFile.ts';

/** Downloads the session as a session file: every file, binary ones too. */
function ExportSessionButton() {
  return (
    <button type="button" className="btn btn-small" data-testid="share-export" onClick={() => exportSessionFile(appStore.getState())}>
      Export session file
    </button>
  );
}

/** "Share": a link holding the whole session (files, settings), its size, and copy to the clipboard. */
export function SharePanel() {
  const loaded = useAppStore((s) => s.sessionsLoaded);
  const [link, setLink] = useState<ShareLink | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const share = () => {
    setCopied(null);
    setLink(link ? null : appStore.getState().shareLink(location.origin + location.pathname));
  };
  const copy = async (url: string, size: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(`Copied the link (${size}) to the clipboard.`);
    } catch {
      setCopied('The browser did not allow copying: select the link above and copy it.');
    }
  };

  return (
    <div className="share">
      <button
        type="button"
        className="btn"
        data-testid="share"
        title="A link that reproduces this session (files and settings) in another browser"
        disabled={!loaded}
        aria-expanded={link !== null}
        onClick={share}
      >
        Share
      </button>
      {link ? (
        <div className="share-panel" role="dialog" aria-label="Share this session" data-testid="share-panel">
          {link.ok ? (
            <>
              <code className="share-link" data-testid="share-link">
                {link.url}
              </code>
              <p className="share-size" data-testid="share-size">
                {formatSize(link.payloadChars)} of the {formatSize(MAX_LINK_PAYLOAD_CHARS)} a link may carry. The files and settings are in
                the link itself (after the #), which never reaches a server; nothing runs when it is opened.
              </p>
              {link.leftOut.length > 0 ? (
                <p className="share-left-out" data-testid="share-left-out">
                  Not in the link (binary, or too large for a link): {link.leftOut.join(', ')}. The session file carries every file.
                </p>
              ) : null}
              <div className="share-actions">
                {link.leftOut.length > 0 ? <ExportSessionButton /> : null}
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="share-copy"
                  onClick={() => void copy(link.url, formatSize(link.payloadChars))}
                >
                  Copy link
                </button>
                {copied ? (
                  <span role="status" data-testid="share-copied">
                    {copied}
                  </span>
                ) : null}
              </div>
            </>
          ) : (
            <>
              <p className="field-message" role="alert" data-testid="share-error">
                {link.error}
              </p>
              <div className="share-actions">
                <ExportSessionButton />
              </div>
            </>
          )}
          <button type="button" className="btn btn-small share-close" onClick={() => setLink(null)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
