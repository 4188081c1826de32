import * as z from 'zod';
import { notice } from '../mcpOutputShapes.ts';
import { readFileTool } from '../../../src/agent/tools/readFile.ts';
import { bytesToBase64 } from '../../../src/project/base64.ts';
import { fromAgentTool } from '../fromAgentTool.ts';
import { defineMcpTool } from '../defineMcpTool.ts';

const shared = fromAgentTool(readFileTool, {
  title: 'Read a project file',
  output: z.looseObject({ path: z.string(), content: z.string().optional(), binary: z.boolean().optional(), notice }),
  readOnly: true,
  description:
    "Read a file of this session's project folder by its relative path (like tests/test_calc.py), also one a program wrote; absolute paths and .. are refused. A binary file (an image, a pickle, a database) comes back as an embedded blob resource with its MIME type.",
});

/** read_file: one file of the session's project; a binary file also as a blob resource. */
export const readFileMcpTool = defineMcpTool({
  ...shared,
  async run(args, ctx) {
    const outcome = await shared.run(args, ctx);
    const { data } = outcome;
    if (data.binary !== true || typeof data.path !== 'string') return outcome;
    const file = ctx.session.project.files().find((f) => f.path === data.path);
    if (!file || 'content' in file) return outcome;
    const mimeType = typeof data.mimeType === 'string' ? data.mimeType : 'application/octet-stream';
    return { ...outcome, resources: [{ uri: `executor://files/${file.path}`, mimeType, blob: bytesToBase64(file.bytes) }] };
  },
});
