import type { ProjectFile } from '../protocol/testProtocol.ts';
import { createZip } from './zip.ts';
import { fileBytes } from './fileContent.ts';

/** Downloads the project as project.zip (folder structure kept). */
export async function exportProjectZip(files: ProjectFile[]): Promise<void> {
  const zip = await createZip(files.map((f) => ({ path: f.path, data: fileBytes(f) })));
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'project.zip';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
