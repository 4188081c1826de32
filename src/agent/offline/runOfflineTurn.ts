import { demoGallery, type Demo } from '../demos/gallery.ts';
import type { AgentTool } from '../tools/defineTool.ts';
import { invokeTool } from '../tools/defineTool.ts';
import { findTool } from '../tools/createToolbox.ts';
import type { RunSummary } from '../tools/runSummary.ts';
import type { AgentEventSink, ToolContext, ToolOutcome } from '../types.ts';
import { helpText } from './helpText.ts';
import { planOffline } from './planOffline.ts';
import { replyForDependencies, replyForExplain, replyForRun } from './replies.ts';

/** What {@link runOfflineTurn} needs. */
export interface OfflineTurnOptions {
  tools: readonly AgentTool[];
  ctx: ToolContext;
  onEvent: AgentEventSink;
  signal?: AbortSignal;
}

let callCounter = 0;

/**
 * The offline assistant's answer to one message: it plans with {@link planOffline},
 * calls the same tools the model would (shown as the same tool cards) and writes a short reply.
 */
export async function runOfflineTurn(message: string, options: OfflineTurnOptions): Promise<string> {
  const { tools, ctx, onEvent, signal } = options;
  let reply = '';
  const say = (text: string) => {
    const delta = reply ? `\n\n${text}` : text;
    reply += delta;
    onEvent({ type: 'text', delta });
  };
  const call = async (name: string, args: Record<string, unknown>): Promise<ToolOutcome | null> => {
    const tool = findTool(tools, name);
    if (!tool) return null;
    signal?.throwIfAborted();
    const id = `offline_${++callCounter}`;
    onEvent({ type: 'tool-start', id, name, args });
    const outcome = await invokeTool(tool, args, ctx);
    onEvent({ type: 'tool-end', id, name, outcome });
    return outcome;
  };
  const missing = (what: string) => say(`${what} is not available in this build yet, so I cannot do that here.`);

  const plan = planOffline(message);
  switch (plan.kind) {
    case 'run':
    case 'run-editor': {
      const code = plan.kind === 'run' ? plan.code : ctx.editorCode();
      if (!code.trim()) return (say('There is no code to run: put it in a ```python block, or in the editor.'), reply);
      if (plan.profile && findTool(tools, 'profile_code')) {
        const outcome = await call('profile_code', { code });
        say(outcome?.summary ?? '');
        return reply;
      }
      const outcome = await call('execute_code', { code });
      if (outcome) say(replyForRun(outcome as ToolOutcome<RunSummary>, code, plan.profile));
      return reply;
    }
    case 'tests': {
      if (!findTool(tools, 'run_tests')) return (missing('Running tests (run_tests)'), reply);
      const outcome = await call('run_tests', { ...(plan.path ? { paths: [plan.path] } : {}), coverage: plan.coverage });
      if (outcome) say(outcome.summary);
      return reply;
    }
    case 'validate': {
      if (!findTool(tools, 'validate_code')) return (missing('Code validation (validate_code)'), reply);
      const outcome = await call('validate_code', { code: plan.code ?? ctx.editorCode() });
      if (outcome) say(outcome.summary);
      return reply;
    }
    case 'dependencies': {
      const analysis = await call('analyze_dependencies', plan.code ? { code: plan.code } : {});
      if (!analysis) return reply;
      const installable = (analysis.data as { installable: string[] }).installable;
      const installed = plan.install && installable.length ? await call('install_packages', { packages: installable }) : null;
      say(replyForDependencies(analysis, installed, plan.install));
      return reply;
    }
    case 'explain': {
      const outcome = await call('handle_error', {});
      if (outcome) say(replyForExplain(outcome));
      return reply;
    }
    case 'demo': {
      const outcome = await call('create_demo', { topic: plan.topic });
      if (!outcome) return reply;
      if (!outcome.ok) say(`${outcome.summary}\n\nAsk for one of them, e.g. "show me a demo of fibonacci".`);
      else {
        const demo = outcome.data as Demo;
        const files = demo.files ? `\n\nIt comes with ${Object.keys(demo.files).map((f) => `\`${f}\``).join(' and ')} for the test runner.` : '';
        say(`Here is the **${demo.title}** demo. ${demo.description}\n\n\`\`\`python\n${demo.code}\`\`\`${files}\n\nPress **Run** on the block to run it, or **Insert in editor** to edit it first.`);
      }
      return reply;
    }
    case 'help':
      say(helpText(tools.map((t) => t.name), demoGallery));
      return reply;
  }
}
