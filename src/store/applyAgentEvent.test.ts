import { describe, expect, it } from 'vitest';
import { applyAgentEvent } from './applyAgentEvent.ts';
import type { ChatMessage } from './chatTypes.ts';

const empty: ChatMessage = { id: 1, role: 'assistant', parts: [], state: 'streaming' };

describe('applyAgentEvent', () => {
  it("completes the latest card of a call id: ids repeat across the model's replies (call_1 in each)", () => {
    let m = applyAgentEvent(empty, { type: 'tool-start', id: 'call_1', name: 'list_files', args: {} });
    m = applyAgentEvent(m, { type: 'tool-end', id: 'call_1', name: 'list_files', outcome: { ok: true, summary: '2 files', data: null } });
    m = applyAgentEvent(m, { type: 'tool-start', id: 'call_1', name: 'run_tests', args: { paths: ['t.py'] } });
    m = applyAgentEvent(m, { type: 'tool-end', id: 'call_1', name: 'run_tests', outcome: { ok: false, summary: '1 failed', data: null } });
    const cards = m.parts.flatMap((p) => (p.kind === 'tool' ? [p.call] : []));
    expect(cards.map((c) => [c.name, c.state, c.outcome?.summary, c.args])).toEqual([
      ['list_files', 'ok', '2 files', {}],
      ['run_tests', 'error', '1 failed', { paths: ['t.py'] }],
    ]);
  });
});
