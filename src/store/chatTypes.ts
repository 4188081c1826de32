import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { AgentMode } from '../agent/detectAgentMode.ts';
import type { ToolOutcome } from '../agent/types.ts';

/** A tool call as the chat shows it (a card). */
export interface ChatToolCall {
  id: string;
  name: string;
  args: unknown;
  state: 'running' | 'ok' | 'error';
  outcome: ToolOutcome | null;
}

/** A piece of a chat message, in the order it arrived: text, or a tool call. */
export type ChatPart =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; call: ChatToolCall }
  /** Buttons that answer the assistant's question (each sends its message). */
  | { kind: 'choices'; options: Array<{ label: string; message: string }> };

/** One message in the chat. */
export interface ChatMessage {
  id: number;
  role: 'user' | 'assistant';
  parts: ChatPart[];
  /** `streaming` while the assistant is answering. */
  state: 'streaming' | 'done' | 'stopped' | 'error';
  /** Why the answer failed, in words that say what to do. */
  error?: string;
  /** The message the model failed to answer, which the offline assistant can answer instead. */
  retryOffline?: string;
}

/** Chat slice: the conversation with the agent (model or offline), kept for the browser session. */
export interface ChatSlice {
  chatMessages: ChatMessage[];
  /** What the user is typing (kept, so nothing typed is lost on reload). */
  chatDraft: string;
  chatBusy: boolean;
  /** Which assistant answers; null until the server has been asked. */
  agentMode: AgentMode | null;
  /** Access token for the chat endpoint when the server requires one. */
  chatAccessToken: string;
  /** The editor's code before the last "Insert in editor", to restore it. */
  codeBeforeInsert: string | null;
  setChatDraft(text: string): void;
  setAgentMode(mode: AgentMode): void;
  setChatAccessToken(token: string): void;
  /** Sends the draft (or `text`) to the agent. */
  sendChatMessage(text?: string): Promise<void>;
  /** Answers a message with the offline assistant (when the model failed on it). */
  answerOffline(text: string): Promise<void>;
  /** Runs one tool directly (a card's button, e.g. "Install"), shown as an assistant message. */
  runChatTool(name: string, args: Record<string, unknown>): Promise<void>;
  stopAgent(): void;
  clearChat(): void;
  /** The conversation as a session keeps it: the messages and the model's history. */
  chatSnapshot(): SavedChat;
  /** Replaces the conversation with a session's (an answer in progress is stopped). */
  restoreChat(chat: SavedChat, draft: string): void;
  /** Puts code into the editor, keeping the previous code to restore. */
  insertCode(code: string): void;
  restoreCodeBeforeInsert(): void;
}

/** What the chat keeps for the browser session (sessionStorage): the messages and the model conversation. */
export interface SavedChat {
  messages: ChatMessage[];
  history: ChatCompletionMessageParam[];
}
