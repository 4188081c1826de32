/** Saves bytes or text through the browser's download, under `fileName`. */
export function downloadBlob(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked later, not at once: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
