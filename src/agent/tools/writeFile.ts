import * as z from 'zod';
import { checkToolPath } from './checkToolPath.ts';
import { countLines } from './countLines.ts';
import { defineTool } from './defineTool.ts';
import { base64ToBytes } from '../../project/base64.ts';
import { formatBytes } from '../../format/formatBytes.ts';
import { MAX_FILE_BYTES } from '../../protocol/testProtocol.ts';

/** Most characters of text write_file writes in one call. */
export const MAX_WRITE_CHARS = 500_000;
/** Most characters of base64 (a binary file of up to 50 MB). */
const MAX_BASE64_CHARS = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4;

/** What write_file returns: a text file's lines and characters, or a binary file's bytes. */
export type WriteFileData =
  { path: string; created: boolean; lines: number; chars: number } | { path: string; created: boolean; bytes: number };

/** write_file: creates a project file or replaces its content (the file tree and the editor show it at once). */
export const writeFileTool = defineTool({
  name: 'write_file',
  keepsDebugRun: true,
  description:
    'Create a file in the project or replace a file\'s whole content. Paths are relative to the project ("calc.py", "tests/test_calc.py"); ' +
    'absolute paths and ".." are refused. The user sees the file in the file tree (and in the editor when it is open). ' +
    'For a binary file (an image, a pickle, a .gz fixture) give its bytes as base64 with encoding "base64".',
  schema: z.object({
    path: z.string().min(1, 'name a file').max(200).describe('Where to write, relative to the project, like "tests/test_calc.py".'),
    content: z.string().max(MAX_BASE64_CHARS).describe('The file\'s full new content (text, or base64 with encoding "base64").'),
    encoding: z.enum(['utf-8', 'base64']).optional().describe('"base64" for a binary file; text is the default.'),
  }),
  async run({ path, content, encoding }, ctx) {
    const checked = checkToolPath(path);
    if ('error' in checked) return { ok: false, summary: `Refused: ${checked.error}`, data: { error: checked.error } };
    if (!ctx.project) return { ok: false, summary: 'There is no project here to write files into.', data: { error: 'no project' } };
    if (encoding === 'base64') {
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(content.replace(/\s+/g, ''));
      } catch (err) {
        const error = `The content is not base64: ${(err as Error).message}.`;
        return { ok: false, summary: `Refused: ${error}`, data: { error } };
      }
      const written = ctx.project.writeFile(checked.path, bytes);
      if (!written.ok) return { ok: false, summary: `Refused: ${written.error}`, data: { error: written.error } };
      const data: WriteFileData = { path: written.path, created: written.created, bytes: bytes.length };
      return { ok: true, summary: `${written.created ? 'Created' : 'Updated'} ${written.path} (${formatBytes(bytes.length)}).`, data };
    }
    if (content.length > MAX_WRITE_CHARS) {
      const error = `The text is ${content.length.toLocaleString('en')} characters; write_file takes at most ${MAX_WRITE_CHARS.toLocaleString('en')} in one call.`;
      return { ok: false, summary: `Refused: ${error}`, data: { error } };
    }
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
