const MB = 2 ** 20;
const GB = 2 ** 30;

/** A size for people: "912 bytes", "14.2 KB", "3.0 MB", "1.5 GB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < MB) return `${(n / 1024).toFixed(1)} KB`;
  if (n < GB) return `${(n / MB).toFixed(1)} MB`;
  return `${(n / GB).toFixed(1)} GB`;
}
