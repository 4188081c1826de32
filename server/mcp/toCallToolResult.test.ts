import { describe, expect, it } from 'vitest';
import { errorResult, toCallToolResult } from './toCallToolResult.ts';

describe('toCallToolResult', () => {
  it('puts the notice, summary and details in the text, the data as structured content, images as image content', () => {
    const result = toCallToolResult(
      {
        ok: false,
        summary: 'Failed with ValueError.',
        details: 'Traceback ...',
        data: { status: 'error' },
        images: [
          { kind: 'display', data: { 'image/png': 'iVBO\nRw==' } },
          { kind: 'display', data: { 'image/svg+xml': '<svg/>' } },
          { kind: 'display', data: { 'text/html': '<b>no</b>' } },
        ],
      },
      'fresh interpreter',
    );
    expect(result.content[0]).toEqual({ type: 'text', text: 'Note: fresh interpreter\nFailed with ValueError.\nTraceback ...' });
    expect(result.content.slice(1)).toEqual([
      { type: 'image', mimeType: 'image/png', data: 'iVBORw==' },
      { type: 'image', mimeType: 'image/svg+xml', data: Buffer.from('<svg/>').toString('base64') },
    ]);
    expect(result.structuredContent).toEqual({ status: 'error', notice: 'fresh interpreter' });
    expect(result.isError).toBe(false); // the program failed, the call did not
  });

  it('marks refused calls as errors, said in text with no structured content (clients hold that to the output schema)', () => {
    expect(toCallToolResult({ ok: false, summary: 'Refused', data: { error: 'Refused' } }, null)).toEqual({
      content: [{ type: 'text', text: 'Refused' }],
      isError: true,
    });
    expect(errorResult('No browser')).toEqual({ content: [{ type: 'text', text: 'No browser' }], isError: true });
  });
});
