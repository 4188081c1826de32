import * as z from 'zod';
import { countLines } from './countLines.ts';
import { defineTool } from './defineTool.ts';
import { namePaths } from './namePaths.ts';
import { mimeTypeOf } from '../../project/mimeType.ts';
import { isTextFile } from '../../project/fileContent.ts';
import { formatBytes } from '../../format/formatBytes.ts';

/** Most files list_files lists (a project may hold up to 2000). */
export const MAX_LISTED_FILES = 500;

/** What list_files returns. */
export interface ListFilesData {
  /** Text files with their lines and characters; binary files with their bytes and media type. */
  files: Array<{ path: string; lines: number; chars: number } | { path: string; binary: true; bytes: number; mimeType: string }>;
  /** The file open in the editor. */
  active: string;
  /** Files left out past {@link MAX_LISTED_FILES}. */
  more: number;
}

/** How a listed file is described to people: "12 lines", or "image/png, 3.2 KB" for a binary file. */
export function describeListed(f: ListFilesData['files'][number]): string {
  return 'binary' in f ? `${f.mimeType}, ${formatBytes(f.bytes)}` : `${f.lines} line${f.lines === 1 ? '' : 's'}`;
}

/** list_files: the project's files with their sizes, and which one is open in the editor. */
export const listFilesTool = defineTool({
  name: 'list_files',
  keepsDebugRun: true,
  description:
    "List the project's files (paths relative to the project, with line counts; binary files with their size and type), including those programs wrote, and the one open in the editor. Test files are those named test_*.py or *_test.py.",
  schema: z.object({ under: z.string().max(200).optional().describe('Only files in this folder, like "tests".') }),
  async run({ under }, ctx) {
    if (!ctx.project) return { ok: false, summary: 'There is no project here.', data: { error: 'no project' } };
    const folder = under?.trim().replace(/^\.?\/+|\/+$/g, '') ?? '';
    const all = ctx.project.files().filter((f) => !folder || f.path.startsWith(`${folder}/`));
    const files = all
      .slice(0, MAX_LISTED_FILES)
      .map((f) =>
        isTextFile(f)
          ? { path: f.path, lines: countLines(f.content), chars: f.content.length }
          : { path: f.path, binary: true as const, bytes: f.bytes.length, mimeType: mimeTypeOf(f.path) },
      );
    const data: ListFilesData = { files, active: ctx.project.activePath(), more: all.length - files.length };
    const summary =
      all.length === 0
        ? folder
          ? `No files in ${folder}/.`
          : 'The project has no files.'
        : `${all.length} file${all.length === 1 ? '' : 's'}: ${namePaths(
            all.map((f) => f.path),
            12,
          )}.`;
    return { ok: true, summary, data };
  },
});
