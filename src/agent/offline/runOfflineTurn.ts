import { demoGallery, type Demo } from '../demos/gallery.ts';
import type { AgentTool } from '../tools/defineTool.ts';
import { invokeTool } from '../tools/defineTool.ts';
import { findTool } from '../tools/createToolbox.ts';
import type { ListFilesData } from '../tools/listFiles.ts';
import type { ProfileData } from '../tools/profileCode.ts';
import type { ReadFileData } from '../tools/readFile.ts';
import type { RunSummary } from '../tools/runSummary.ts';
import type { TestRunSummary } from '../tools/testSummary.ts';
import type { AgentEventSink, ToolContext, ToolOutcome } from '../types.ts';
import { helpText } from './helpText.ts';
import { planOffline } from './planOffline.ts';
import { isTestTarget } from './isTestTarget.ts';
import { replyForDependencies, replyForExplain, replyForFiles, replyForProfile, replyForRead, replyForRun, replyForTests } from './replies.ts';

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
  const missing = (what: string) => say(`${what} is not available here, so I cannot do that.`);

  const plan = planOffline(message);
  switch (plan.kind) {
    case 'run':
    case 'run-editor':
    case 'profile': {
      const code = plan.kind === 'run-editor' ? ctx.editorCode() : plan.code;
      const profile = plan.kind === 'profile';
      if (profile && findTool(tools, 'profile_code')) {
        const outcome = await call('profile_code', code ? { code } : {});
        if (outcome) say(replyForProfile(outcome as ToolOutcome<ProfileData | { error: string }>));
        return reply;
      }
      const source = code ?? ctx.editorCode();
      if (!source.trim()) return (say('There is no code to run: put it in a ```python block, or in the editor.'), reply);
      const outcome = await call('execute_code', { code: source });
      if (outcome) say(replyForRun(outcome as ToolOutcome<RunSummary>, source, profile));
      return reply;
    }
    case 'tests': {
      if (!findTool(tools, 'run_tests')) return (say("Running tests needs the project's files and the engine's test runner, and there are none here, so I cannot run them."), reply);
      // "Test calculator.py": a module, not a test file, so every test runs and coverage shows how much of it they reach.
      const module = plan.path && !isTestTarget(plan.path) ? plan.path : null;
      const outcome = await call('run_tests', { ...(plan.path && !module ? { paths: [plan.path] } : {}), coverage: plan.coverage || module !== null });
      if (outcome) say(replyForTests(outcome as ToolOutcome<TestRunSummary | { error: string }>, module));
      return reply;
    }
    case 'files': {
      const outcome = await call('list_files', {});
      if (!outcome) return (missing('Listing the project (list_files)'), reply);
      say(replyForFiles(outcome as ToolOutcome<ListFilesData | { error: string }>));
      return reply;
    }
    case 'read': {
      const outcome = await call('read_file', { path: plan.path });
      if (!outcome) return (missing('Reading project files (read_file)'), reply);
      say(replyForRead(outcome as ToolOutcome<ReadFileData | { error: string }>));
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
