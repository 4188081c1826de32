const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  py: 'text/x-python',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  xml: 'application/xml',
  toml: 'application/toml',
  gz: 'application/gzip',
  bz2: 'application/x-bzip2',
  xz: 'application/x-xz',
  zip: 'application/zip',
  pdf: 'application/pdf',
  sqlite: 'application/vnd.sqlite3',
  db: 'application/vnd.sqlite3',
  parquet: 'application/vnd.apache.parquet',
};

/** The media type a file's name suggests (`application/octet-stream` when it suggests none; `text/plain` for text). */
export function mimeTypeOf(path: string, isText = false): string {
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
  return TYPES[ext] ?? (isText ? 'text/plain' : 'application/octet-stream');
}

/** Images the picture viewer shows (SVG is not one: it goes through the SVG output's sanitizer). */
export const RASTER_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
