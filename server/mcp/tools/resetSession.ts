import { notice } from '../mcpOutputShapes.ts';
import * as z from 'zod';
import { defineMcpTool } from '../defineMcpTool.ts';

/** reset_session: a fresh interpreter for the session (and, if asked, no files). */
export const resetSessionTool = defineMcpTool({
  name: 'reset_session',
  title: 'Reset the session',
  output: z.looseObject({ reset: z.boolean(), filesRemoved: z.number().int(), notice }),
  destructive: true,
  description:
    "Give this session a fresh Python interpreter: variables, imports and installed packages are gone. The project's files are kept unless keep_files is false.",
  schema: z.object({ keep_files: z.boolean().optional().describe("Keep the session's project files (default true).") }),
  async run({ keep_files = true }, { session }) {
    await session.engine.reset();
    session.lastResult = null;
    let removed = 0;
    if (!keep_files) removed = session.project.clear();
    const summary = `The interpreter is fresh${keep_files ? '; the files are kept' : `; ${removed} file${removed === 1 ? '' : 's'} removed`}.`;
    return { ok: true, summary, data: { reset: true, filesRemoved: removed } };
  },
});
