import { runLimits } from '../config/runLimits.ts';
import { createDebugDriver } from '../engine/createDebugDriver.ts';
import type { DebugDriver } from '../engine/debugDriver.ts';
import type { Engine } from '../engine/engine.ts';
import { describeInstallFailures } from '../engine/describeInstallFailures.ts';
import { createAgentSession, type AgentSession } from '../agent/createAgentSession.ts';
import { createLlmClient, describeLlmError } from '../agent/createLlmClient.ts';
import { invokeTool } from '../agent/tools/defineTool.ts';
import { createToolbox, findTool } from '../agent/tools/createToolbox.ts';
import type { AgentEvent, ToolContext } from '../agent/types.ts';
import { applyAgentEvent } from './applyAgentEvent.ts';
import { storeProjectAccess } from './storeProjectAccess.ts';
import { loadChat, loadDraft, loadToken, saveChat, saveDraft, saveToken } from './chatPersistence.ts';
import type { ChatMessage, ChatSlice } from './chatTypes.ts';
import type { AppState, SliceCreator } from './types.ts';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** Tools whose runs write to the console. */
const CONSOLE_TOOLS = new Set(['execute_code', 'execute_batch', 'profile_code', 'install_packages']);

/**
 * Chat slice: sends messages to the agent (the model behind the proxy, or the
 * offline assistant) and turns its events into messages with tool cards.
 * `storage` is sessionStorage in the app: the conversation lasts as long as the tab.
 */
export const createChatSlice =
  (storage: Storage | null): SliceCreator<ChatSlice> =>
  (set, get) => {
    const saved = loadChat(storage);
    let history = saved.history;
    let session: AgentSession | null = null;
    let offlineSession: AgentSession | null = null;
    let sessionKey = '';
    let controller: AbortController | null = null;
    let nextId = saved.messages.reduce((max, m) => Math.max(max, m.id), 0) + 1;
    let toolRunning = false;
    // The debug tools' driver, one per engine (a debug run outlives the turn that started it).
    let stepper: { engine: Engine; driver: DebugDriver } | null = null;

    const persist = () => saveChat(storage, { messages: get().chatMessages, history });
    const updateMessage = (id: number, change: (m: ChatMessage) => ChatMessage) =>
      set((s) => ({ chatMessages: s.chatMessages.map((m) => (m.id === id ? change(m) : m)) }));

    const context = (): ToolContext => {
      const s = get();
      if (!s.engine) throw new Error('Python is not attached yet.');
      if (stepper?.engine !== s.engine) stepper = { engine: s.engine, driver: createDebugDriver(s.engine) };
      return {
        engine: s.engine,
        debugger: stepper.driver,
        runOptions: () => {
          const { settings, autoLoadPackages, files } = get();
          // The project goes with the agent's runs too: they import it, and what they write comes back.
          return {
            ...runLimits(settings),
            autoLoadPackages,
            files,
          };
        },
        lastResult: () => get().lastResult,
        // The agent's runs update the run footer like the editor's own.
        recordResult: (result) => get().countRuns(result, 1),
        // The agent's test runs show in the Tests panel, with their markers, like the panel's own.
        // The session keeps what the agent installed, as it keeps the Packages panel's installs.
        recordInstall: (lastInstall) => {
          get().setLastInstall(lastInstall);
          // A failed install says why in the console too, not only in the chat.
          for (const line of describeInstallFailures(lastInstall.failed)) get().appendEntry('notice', line);
        },
        recordTestResult: (testResult) => get().showTestResult(testResult),
        editorCode: () => get().code,
        project: storeProjectAccess(get),
        testOptions: () => ({
          pytestArgs: get().settings.pytestArgs,
          coverageThreshold: get().settings.coverageThreshold,
          parallel: get().testWorkers,
        }),
      };
    };

    const sessionFor = (s: AppState): AgentSession => {
      const mode = s.agentMode?.kind === 'llm' ? 'llm' : 'offline';
      const key = `${mode}:${s.chatAccessToken}`;
      if (!session || key !== sessionKey) {
        const llm = mode === 'llm' ? { client: createLlmClient({ accessToken: s.chatAccessToken || null }) } : null;
        const ctx = context();
        session = createAgentSession({ tools: createToolbox(ctx), ctx, llm, history });
        history = session.history;
        sessionKey = key;
      }
      return session;
    };

    /** Adds an assistant message and feeds it the events of `work`; `retry` is the user's text, offered to the offline assistant if the model fails. */
    const answer = async (work: (onEvent: (e: AgentEvent) => void, signal: AbortSignal) => Promise<unknown>, retry?: string) => {
      const id = nextId++;
      set((s) => ({ chatBusy: true, chatMessages: [...s.chatMessages, { id, role: 'assistant', parts: [], state: 'streaming' }] }));
      controller = new AbortController();
      const signal = controller.signal;
      try {
        await work((event) => {
          if (event.type === 'tool-start') {
            toolRunning = true;
            // What the tool prints lands in the console: say where it came from.
            if (CONSOLE_TOOLS.has(event.name)) get().appendEntry('run', `Assistant: ${event.name} (from the chat)`);
          }
          if (event.type === 'tool-end') toolRunning = false;
          updateMessage(id, (m) => applyAgentEvent(m, event));
        }, signal);
        updateMessage(id, (m) => ({ ...m, state: 'done' }));
      } catch (err) {
        if (signal.aborted) updateMessage(id, (m) => ({ ...m, state: 'stopped' }));
        // One line: what failed; the button under it offers the offline assistant for this message.
        else
          updateMessage(id, (m) => ({
            ...m,
            state: 'error',
            error: `The model could not answer: ${describeLlmError(err).split('\n')[0]}`,
            ...(retry ? { retryOffline: retry } : {}),
          }));
      } finally {
        controller = null;
        toolRunning = false;
        set({ chatBusy: false });
        persist();
      }
    };

    return {
      chatMessages: saved.messages,
      chatDraft: loadDraft(storage),
      chatBusy: false,
      agentMode: null,
      chatAccessToken: loadToken(storage),
      codeBeforeInsert: null,
      setChatDraft(text) {
        set({ chatDraft: text });
        saveDraft(storage, text);
      },
      setAgentMode(mode) {
        set({ agentMode: mode });
      },
      setChatAccessToken(token) {
        set({ chatAccessToken: token.trim() });
        saveToken(storage, token.trim());
      },
      async sendChatMessage(text) {
        const s = get();
        const message = (text ?? s.chatDraft).trim();
        if (!message || s.chatBusy || !s.engine) return;
        const current = sessionFor(s);
        set((st) => ({
          chatMessages: [...st.chatMessages, { id: nextId++, role: 'user', parts: [{ kind: 'text', text: message }], state: 'done' }],
        }));
        if (text === undefined) get().setChatDraft(''); // sent: it is in the log now
        persist();
        await answer((onEvent, signal) => current.send(message, onEvent, signal), current.mode === 'llm' ? message : undefined);
      },
      async answerOffline(text) {
        const s = get();
        if (s.chatBusy || !s.engine) return;
        if (!offlineSession) {
          const ctx = context();
          offlineSession = createAgentSession({ tools: createToolbox(ctx), ctx, llm: null });
        }
        const offline = offlineSession;
        await answer((onEvent, signal) => offline.send(text, onEvent, signal));
      },
      async runChatTool(name, args) {
        const s = get();
        if (s.chatBusy || !s.engine) return;
        const ctx = context();
        const tool = findTool(createToolbox(ctx), name);
        if (!tool) return;
        await answer(async (onEvent) => {
          const callId = `ui_${nextId}`;
          onEvent({ type: 'tool-start', id: callId, name, args });
          const outcome = await invokeTool(tool, args, ctx);
          onEvent({ type: 'tool-end', id: callId, name, outcome });
          onEvent({ type: 'text', delta: outcome.summary });
        });
      },
      stopAgent() {
        controller?.abort();
        if (toolRunning) get().engine?.stop(); // the run a tool started stops too (never the editor's own)
      },
      clearChat() {
        if (get().chatBusy) return;
        history.length = 0;
        session = null;
        offlineSession = null;
        set({ chatMessages: [] });
        persist();
      },
      chatSnapshot() {
        return { messages: get().chatMessages, history };
      },
      restoreChat(chat, draft) {
        controller?.abort();
        history = [...chat.history];
        session = null;
        offlineSession = null;
        nextId = chat.messages.reduce((max, m) => Math.max(max, m.id), 0) + 1;
        set({ chatMessages: chat.messages, chatBusy: false, codeBeforeInsert: null });
        persist();
        get().setChatDraft(draft);
      },
      insertCode(code) {
        const previous = get().code;
        get().setCode(code);
        set({ codeBeforeInsert: previous === code ? null : previous });
      },
      restoreCodeBeforeInsert() {
        const previous = get().codeBeforeInsert;
        if (previous === null) return;
        get().setCode(previous);
        set({ codeBeforeInsert: null });
      },
    };
  };
