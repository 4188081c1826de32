import { describeBytes, summarizeDownloads } from '../store/downloads.ts';
import { useAppStore } from '../store/useAppStore.ts';

/** The current (or last) package download: a bar in bytes, the files done and the amount. */
export function DownloadProgress() {
  const downloads = useAppStore((s) => s.downloads);
  const summary = summarizeDownloads(downloads);
  if (!summary) return null;
  const finished = summary.done === summary.files;
  return (
    <p
      className="deps-download"
      data-testid="download-progress"
      data-loaded={summary.loaded}
      data-total={summary.total ?? ''}
      data-done={finished}
    >
      <progress
        className="deps-progress"
        aria-label="Package download"
        {...(summary.total !== null ? { max: summary.total, value: summary.loaded } : {})}
      />{' '}
      {finished ? 'Downloaded' : 'Downloading'} {summary.files === 1 ? '1 package file' : `${summary.files} package files`}:{' '}
      {describeBytes(summary)}
    </p>
  );
}
