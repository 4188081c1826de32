import * as z from 'zod';
import { checkToolPath } from './checkToolPath.ts';
import { countLines } from './countLines.ts';
import { defineTool } from './defineTool.ts';
import { namePaths } from './namePaths.ts';
import { clip } from './runSummary.ts';
import { isTextFile } from '../../project/fileContent.ts';
import { formatBytes } from '../../format/formatBytes.ts';
import { mimeTypeOf } from '../../project/mimeType.ts';

/** Most characters of a file read_file hands back (the middle of a longer one is left out, and says so). */
export const MAX_READ_CHARS = 10_000;

/** What read_file returns. */
export type ReadFileData =
  | {
      path: string;
      content: string;
      lines: number;
      chars: number;
      /** True when the middle of the file was left out. */
      clipped: boolean;
    }
  | {
      path: string;
      /** A binary file: its size and type (MCP clients also get its bytes, as a blob resource). */
      binary: true;
      bytes: number;
      mimeType: string;
    };

/** read_file: one project file's content. */
export const readFileTool = defineTool({
  name: 'read_file',
  keepsDebugRun: true,
  description: `Read a file of the project (paths relative to the project, as list_files shows them), also one a program wrote. Long files come back with their middle left out (over ${MAX_READ_CHARS} characters); a binary file comes back as its size and type.`,
  schema: z.object({ path: z.string().min(1, 'name a file').max(500).describe('The file, like "calc.py" or "tests/test_calc.py".') }),
  async run({ path }, ctx) {
    const checked = checkToolPath(path);
    if ('error' in checked) return { ok: false, summary: checked.error, data: { error: checked.error } };
    const files = ctx.project?.files() ?? [];
    const file = files.find((f) => f.path === checked.path);
    if (!file) {
      const error = `${checked.path} is not in the project. Its files: ${namePaths(files.map((f) => f.path))}.`;
      return { ok: false, summary: error, data: { error } };
    }
    if (!isTextFile(file)) {
      const mimeType = mimeTypeOf(file.path);
      const data: ReadFileData = { path: file.path, binary: true, bytes: file.bytes.length, mimeType };
      return { ok: true, summary: `${file.path}: a binary file (${mimeType}, ${formatBytes(file.bytes.length)}).`, data };
    }
    const lines = countLines(file.content);
    const data: ReadFileData = {
      path: file.path,
      content: clip(file.content, MAX_READ_CHARS),
      lines,
      chars: file.content.length,
      clipped: file.content.length > MAX_READ_CHARS,
    };
    return {
      ok: true,
      summary: `${file.path}: ${lines} line${lines === 1 ? '' : 's'}${data.clipped ? ' (the middle is left out)' : ''}.`,
      data,
    };
  },
});
