import * as z from 'zod';
import { checkToolPath } from './checkToolPath.ts';
import { countLines } from './countLines.ts';
import { defineTool } from './defineTool.ts';

/** Most characters write_file writes in one call. */
export const MAX_WRITE_CHARS = 500_000;

/** What write_file returns. */
export interface WriteFileData {
  path: string;
  created: boolean;
  lines: number;
  chars: number;
}

/** write_file: creates a project file or replaces its content (the file tree and the editor show it at once). */
export const writeFileTool = defineTool({
  name: 'write_file',
  description:
    'Create a file in the project or replace a file\'s whole content. Paths are relative to the project ("calc.py", "tests/test_calc.py"); ' +
    'absolute paths and ".." are refused. The user sees the file in the file tree (and in the editor when it is open).',
  schema: z.object({
    path: z.string().min(1, 'name a file').max(200).describe('Where to write, relative to the project, like "tests/test_calc.py".'),
    content: z.string().max(MAX_WRITE_CHARS).describe("The file's full new content."),
  }),
  async run({ path, content }, ctx) {
    const checked = checkToolPath(path);
    if ('error' in checked) return { ok: false, summary: `Refused: ${checked.error}`, data: { error: checked.error } };
    if (!ctx.project) return { ok: false, summary: 'There is no project here to write files into.', data: { error: 'no project' } };
    const written = ctx.project.writeFile(checked.path, content);
    if (!written.ok) return { ok: false, summary: `Refused: ${written.error}`, data: { error: written.error } };
    const lines = countLines(content);
    const data: WriteFileData = { path: written.path, created: written.created, lines, chars: content.length };
    return {
      ok: true,
      summary: `${written.created ? 'Created' : 'Updated'} ${written.path} (${lines} line${lines === 1 ? '' : 's'}).`,
      data,
    };
  },
});
