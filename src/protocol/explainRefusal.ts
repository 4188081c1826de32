import { frameToPageSchema, MAX_FRAME_MESSAGE_CHARS } from './pageFrame.ts';

/** A message from the frame that the page refused: what it said it was, and why it was refused. */
export interface RefusedFrameMessage {
  type: string | null;
  /** The request it answers, when it names one. */
  id: number | null;
  reason: string;
}

/** Explains why `parseFrameMessage` refused `data` (only worked out for refused messages: they are rare); `maxChars` is the cap it was held to. */
export function explainRefusal(data: unknown, maxChars = MAX_FRAME_MESSAGE_CHARS): RefusedFrameMessage {
  const envelope = (typeof data === 'object' && data !== null ? data : {}) as { type?: unknown; id?: unknown };
  const type = typeof envelope.type === 'string' ? envelope.type.slice(0, 40) : null;
  const id = typeof envelope.id === 'number' && Number.isInteger(envelope.id) ? envelope.id : null;
  let size: number;
  try {
    size = JSON.stringify(data)?.length ?? 0;
  } catch {
    return { type, id, reason: 'it could not be read as data' };
  }
  if (size > maxChars) {
    return {
      type,
      id,
      reason: `it is ${size.toLocaleString('en')} characters, over the page's ${maxChars.toLocaleString('en')}-character message limit`,
    };
  }
  const issue = frameToPageSchema.safeParse(data).error?.issues[0];
  return { type, id, reason: issue ? `${issue.path.join('.') || 'the message'}: ${issue.message}` : 'it is not a message the page knows' };
}
