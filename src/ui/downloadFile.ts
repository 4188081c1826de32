import type { ProjectFile } from '../protocol/testProtocol.ts';
import { fileBytes, isTextFile } from '../project/fileContent.ts';
import { mimeTypeOf } from '../project/mimeType.ts';
import { downloadBlob } from './downloadBlob.ts';

/** Saves a project file through the browser's download, byte for byte, under its own name. */
export function downloadFile(file: ProjectFile): void {
  downloadBlob(fileBytes(file) as BlobPart, file.path.slice(file.path.lastIndexOf('/') + 1), mimeTypeOf(file.path, isTextFile(file)));
}
