import type { ProjectFile } from '../protocol/testProtocol.ts';
import { createZip } from '../project/zip.ts';
import { fileBytes } from '../project/fileContent.ts';
import { downloadBlob } from './downloadBlob.ts';

/** Downloads the project as project.zip (folder structure and binary files kept). */
export async function exportProjectZip(files: ProjectFile[]): Promise<void> {
  const zip = await createZip(files.map((f) => ({ path: f.path, data: fileBytes(f) })));
  downloadBlob(zip as BlobPart, 'project.zip', 'application/zip');
}
