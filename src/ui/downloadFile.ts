import type { ProjectFile } from '../protocol/testProtocol.ts';
import { fileBytes, isTextFile } from '../project/fileContent.ts';
import { mimeTypeOf } from '../project/mimeType.ts';

/** Saves a project file through the browser's download, byte for byte, under its own name. */
export function downloadFile(file: ProjectFile): void {
  const type = mimeTypeOf(file.path, isTextFile(file));
  const url = URL.createObjectURL(new Blob([fileBytes(file) as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.path.slice(file.path.lastIndexOf('/') + 1);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
