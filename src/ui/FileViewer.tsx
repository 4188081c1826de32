import { useEffect, useMemo, useState } from 'react';
import { formatBytes } from '../format/formatBytes.ts';
import { mimeTypeOf, RASTER_IMAGE_TYPES } from '../project/mimeType.ts';
import type { BinaryFile } from '../protocol/testProtocol.ts';
import { downloadFile } from './downloadFile.ts';

/** A binary file in place of the editor: a PNG, JPEG, GIF or WebP as a picture; anything else as its type and size, with Download. */
export function FileViewer({ file }: { file: BinaryFile }) {
  const type = mimeTypeOf(file.path);
  const picture = RASTER_IMAGE_TYPES.has(type);
  const url = useMemo(() => (picture ? URL.createObjectURL(new Blob([file.bytes as BlobPart], { type })) : null), [file, picture, type]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const [broken, setBroken] = useState(false);
  return (
    <div className="file-viewer" data-testid="file-viewer" data-path={file.path}>
      <p className="file-viewer-facts">
        <strong>{file.path}</strong> · {type} · {formatBytes(file.bytes.length)}
        <button type="button" className="btn btn-small" data-testid="viewer-download" onClick={() => downloadFile(file)}>
          Download
        </button>
      </p>
      {url && !broken ? (
        <img className="file-image" data-testid="file-image" src={url} alt={file.path} onError={() => setBroken(true)} />
      ) : (
        <p className="panel-empty" data-testid="file-binary">
          {broken
            ? `${file.path} is named like a picture, but the browser could not draw it (it may be damaged).`
            : 'A binary file: programs read it from the working folder (open it in Python); it cannot be edited here.'}
        </p>
      )}
    </div>
  );
}
