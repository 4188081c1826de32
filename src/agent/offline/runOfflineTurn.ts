import { demoGallery, type Demo } from '../demos/gallery.ts';
import type { AgentTool } from '../tools/defineTool.ts';
import { invokeTool } from '../tools/defineTool.ts';
import { findTool } from '../tools/createToolbox.ts';
import type { BatchData } from '../tools/executeBatch.ts';
import type { ListFilesData } from '../tools/listFiles.ts';
import type { ProfileData } from '../tools/profileCode.ts';
import type { ReadFileData } from '../tools/readFile.ts';
import type { RunSummary } from '../tools/runSummary.ts';
import type { TestRunSummary } from '../tools/testSummary.ts';
import type { AgentEventSink, ToolContext, ToolOutcome } from '../types.ts';
import { helpText } from './helpText.ts';
import { isTestTarget } from './isTestTarget.ts';
import { planOffline, type OfflineStep } from './planOffline.ts';
import {
  replyForBatch,
  replyForDependencies,
  replyForExplain,
  replyForFiles,
  replyForMissing,
  replyForProfile,
  replyForRead,
  replyForRun,
  replyForTests,
} from './replies.ts';

/** What the offline assistant remembers between messages of one conversation (for follow-ups). */
export interface OfflineMemory {
  /** The code it last ran or profiled: "run it again", "now with n = 30", "profile that". */
  lastCode: string | null;
}

/** What {@link runOfflineTurn} needs. */
export interface OfflineTurnOptions {
  tools: readonly AgentTool[];
  ctx: ToolContext;
  onEvent: AgentEventSink;
  signal?: AbortSignal;
  /** The conversation's memory; without it, follow-ups fall back to the editor's code. */
  memory?: OfflineMemory;
  /** Whether tool cards show the results (the chat pane); false: the reply text carries the output (the programmatic agent). */
  cards?: boolean;
}

/** Where "Run these tests: <code>" puts the tests before running them. */
export const CHAT_TEST_FILE = 'test_from_chat.py';

let callCounter = 0;

/**
 * The offline assistant's answer to one message: it plans with {@link planOffline} (several
 * steps, follow-ups, a question when unsure), calls the same tools the model would (shown as
 * the same tool cards), writes a short reply per step and, for several steps, a summary.
 */
export async function runOfflineTurn(message: string, options: OfflineTurnOptions): Promise<string> {
  const { tools, ctx, onEvent, signal } = options;
  const memory = options.memory ?? { lastCode: null };
  const cards = options.cards ?? true;
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
  const files = ctx.project?.files() ?? [];

  const plan = planOffline(message, { files: files.map((f) => f.path), lastCode: memory.lastCode });
  if (plan.kind === 'ask') {
    onEvent({ type: 'choices', question: plan.question, options: plan.options });
    say(plan.question);
    return reply;
  }
  if (plan.kind === 'missing') {
    say(
      replyForMissing(
        plan.missing,
        files.map((f) => f.path),
      ),
    );
    return reply;
  }

  /** Runs one step; returns its one-line result for the summary (null: nothing ran). */
  const runStep = async (step: OfflineStep): Promise<string | null> => {
    switch (step.kind) {
      case 'run':
      case 'run-editor': {
        const code = step.kind === 'run' ? step.code : ctx.editorCode();
        if (!code.trim()) return (say('There is no code to run: put it in a ```python block, or in the editor.'), null);
        memory.lastCode = code;
        const outcome = await call('execute_code', { code });
        if (outcome) say(replyForRun(outcome as ToolOutcome<RunSummary>, code, false, cards));
        return outcome?.summary ?? null;
      }
      case 'run-file':
      case 'batch': {
        const paths = step.kind === 'batch' ? step.paths : [step.path];
        if (step.kind === 'run-file') memory.lastCode = files.find((f) => f.path === step.path)?.content ?? memory.lastCode;
        const outcome = await call('execute_batch', { paths, stop_on_error: false, shared_state: false });
        if (!outcome) return (missing('Running project files (execute_batch)'), null);
        say(replyForBatch(outcome as ToolOutcome<BatchData | { error: string }>));
        return outcome.summary;
      }
      case 'profile': {
        if (step.code) memory.lastCode = step.code;
        if (!findTool(tools, 'profile_code')) {
          const code = step.code ?? ctx.editorCode();
          const outcome = await call('execute_code', { code });
          if (outcome) say(replyForRun(outcome as ToolOutcome<RunSummary>, code, true, cards));
          return outcome?.summary ?? null;
        }
        const outcome = await call('profile_code', step.code ? { code: step.code } : step.path ? { path: step.path } : {});
        if (outcome) say(replyForProfile(outcome as ToolOutcome<ProfileData | { error: string }>));
        return outcome?.summary ?? null;
      }
      case 'tests': {
        if (!findTool(tools, 'run_tests'))
          return (
            say("Running tests needs the project's files and the engine's test runner, and there are none here, so I cannot run them."),
            null
          );
        // "Run these tests: <code>": the tests become a file of the project, then run.
        if (step.code) {
          const written = await call('write_file', { path: CHAT_TEST_FILE, content: `${step.code}\n` });
          if (!written?.ok) return (say(written ? written.summary : 'I cannot save the tests as a file here.'), null);
        }
        const target = step.code ? CHAT_TEST_FILE : step.path;
        // "Test calculator.py": a module, not a test file, so every test runs and coverage shows how much of it they reach.
        const module = target && !isTestTarget(target) ? target : null;
        const outcome = await call('run_tests', {
          ...(target && !module ? { paths: [target] } : {}),
          coverage: step.coverage || module !== null,
        });
        if (outcome) say(replyForTests(outcome as ToolOutcome<TestRunSummary | { error: string }>, module, cards));
        return outcome?.summary ?? null;
      }
      case 'files': {
        const outcome = await call('list_files', {});
        if (!outcome) return (missing('Listing the project (list_files)'), null);
        say(replyForFiles(outcome as ToolOutcome<ListFilesData | { error: string }>));
        return outcome.summary;
      }
      case 'read': {
        const outcome = await call('read_file', { path: step.path });
        if (!outcome) return (missing('Reading project files (read_file)'), null);
        say(replyForRead(outcome as ToolOutcome<ReadFileData | { error: string }>));
        return outcome.summary;
      }
      case 'write': {
        const outcome = await call('write_file', { path: step.path, content: `${step.code}\n` });
        if (!outcome) return (missing('Saving project files (write_file)'), null);
        say(outcome.summary);
        return outcome.summary;
      }
      case 'validate': {
        if (!findTool(tools, 'validate_code')) return (missing('Code validation (validate_code)'), null);
        const fromFile = step.path ? files.find((f) => f.path === step.path)?.content : undefined;
        const outcome = await call('validate_code', { code: step.code ?? fromFile ?? ctx.editorCode() });
        if (outcome) say(outcome.summary);
        return outcome?.summary ?? null;
      }
      case 'dependencies': {
        const analysis = await call('analyze_dependencies', step.code ? { code: step.code } : {});
        if (!analysis) return null;
        const installable = (analysis.data as { installable: string[] }).installable;
        const installed = step.install && installable.length ? await call('install_packages', { packages: installable }) : null;
        say(replyForDependencies(analysis, installed, step.install));
        return installed ? `${analysis.summary} ${installed.summary}` : analysis.summary;
      }
      case 'install': {
        const outcome = await call('install_packages', { packages: step.packages });
        if (!outcome) return null;
        say(outcome.summary);
        return outcome.summary;
      }
      case 'explain': {
        const outcome = await call('handle_error', {});
        if (outcome) say(replyForExplain(outcome));
        return outcome?.summary ?? null;
      }
      case 'demo': {
        const outcome = await call('create_demo', { topic: step.topic });
        if (!outcome) return null;
        if (!outcome.ok) say(`${outcome.summary}\n\nAsk for one of them, e.g. "show me a demo of fibonacci".`);
        else {
          const demo = outcome.data as Demo;
          const extra = demo.files
            ? `\n\nIt comes with ${Object.keys(demo.files)
                .map((f) => `\`${f}\``)
                .join(' and ')} for the test runner.`
            : '';
          say(
            `Here is the **${demo.title}** demo. ${demo.description}\n\n\`\`\`python\n${demo.code}\`\`\`${extra}\n\nPress **Run** on the block to run it, or **Insert in editor** to edit it first.`,
          );
        }
        return outcome.summary;
      }
      case 'help':
        say(
          helpText(
            tools.map((t) => t.name),
            demoGallery,
          ),
        );
        return null;
    }
  };

  const done: string[] = [];
  for (const step of plan.steps) {
    signal?.throwIfAborted();
    const line = await runStep(step);
    if (line) done.push(line);
  }
  if (plan.steps.length > 1 && done.length > 1) say(`**Summary**\n${done.map((line, i) => `${i + 1}. ${line}`).join('\n')}`);
  return reply;
}
