import type { SavedChat } from './chatTypes.ts';

const CHAT_KEY = 'executor.chat.v1';
const DRAFT_KEY = 'executor.chatDraft.v1';
const TOKEN_KEY = 'executor.chatToken.v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function read<T>(storage: Storage | null, key: string, fallback: T): T {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(storage: Storage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or denied: the chat stays in memory for this page.
  }
}

/** The saved conversation; answers cut off by a reload show as stopped. */
export function loadChat(storage: Storage | null): SavedChat {
  const saved = read<SavedChat>(storage, CHAT_KEY, { messages: [], history: [] });
  const messages = Array.isArray(saved.messages) ? saved.messages : [];
  return {
    messages: messages.map((m) => (m.state === 'streaming' ? { ...m, state: 'stopped' } : m)),
    history: Array.isArray(saved.history) ? saved.history : [],
  };
}

/** Saves the conversation. */
export function saveChat(storage: Storage | null, chat: SavedChat): void {
  write(storage, CHAT_KEY, chat);
}

/** The unsent draft. */
export const loadDraft = (storage: Storage | null): string => read(storage, DRAFT_KEY, '');
/** Saves the unsent draft. */
export const saveDraft = (storage: Storage | null, draft: string): void => write(storage, DRAFT_KEY, draft);
/** The chat access token (session only). */
export const loadToken = (storage: Storage | null): string => read(storage, TOKEN_KEY, '');
/** Saves the chat access token (session only). */
export const saveToken = (storage: Storage | null, token: string): void => write(storage, TOKEN_KEY, token);
