/**
 * The page ↔ frame channel: every message is a discriminated union member keyed by `type`; requests carry an
 * `id` and their replies the same `id`. Both directions cross a trust boundary, so each is checked against its
 * zod schema (and a size limit) before it is believed.
 */
import * as z from 'zod';
import { fileChangesSchema, testRecordSchema, testRequestSchema } from './testProtocol.ts';
import { compactTestResultSchema } from './compactTestResult.ts';
import { messagePageSchema } from './messagePages.ts';
import { assetReplySchema, assetRequestFields, runtimeFilesSchema } from './runtimeFiles.ts';
import { languageRequestSchema, languageResponseSchema } from './language.ts';
import { debugAnswerSchema, debugCommandSchema, debugPauseSchema } from './debug.ts';
import {
  displayDataSchema,
  downloadTickSchema,
  engineStateSchema,
  executionResultSchema,
  MAX_STDIN_CHARS,
  outputChunkSchema,
  runOptionsSchema,
  runSampleSchema,
} from './results.ts';
import { callRequestSchema, callResponseSchema } from './calls.ts';

/** Largest message the page accepts from the frame, in characters of JSON (a larger reply comes in pages: messagePages.ts). */
export const MAX_FRAME_MESSAGE_CHARS = 2_000_000;

/** Largest memory snapshot the page and frame pass on (a snapshot is about 32 MB; 40 with pytest loaded). */
export const MAX_SNAPSHOT_BYTES = 256 * 2 ** 20;
const snapshotBytesSchema = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SNAPSHOT_BYTES, 'snapshot too large');
// The page hands a stored snapshot on as a Blob: read from disk by the worker that restores it, off the page's thread.
const snapshotBlobSchema = z.instanceof(Blob).refine((b) => b.size <= MAX_SNAPSHOT_BYTES, 'snapshot too large');

/** Messages from the page to the frame. */
export const pageToFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), id: z.number().int(), code: z.string(), options: runOptionsSchema }),
  z.object({ type: z.literal('stop'), id: z.number().int() }),
  z.object({ type: z.literal('reset'), id: z.number().int() }),
  z.object({ type: z.literal('call'), id: z.number().int(), request: callRequestSchema }),
  z.object({ type: z.literal('tests'), id: z.number().int(), request: testRequestSchema }),
  /** A line for the run waiting for input (the page adds the newline), or null for end of file. */
  z.object({ type: z.literal('stdin'), id: z.number().int(), text: z.string().max(MAX_STDIN_CHARS).nullable() }),
  /** The page's watchdog asks for a sign of life while work is pending; the frame answers 'pong'. */
  z.object({ type: z.literal('ping'), id: z.number().int() }),
  /**
   * The page's first word to a new frame: the stored snapshot to boot from (or null), and whether
   * snapshots are on (then the frame makes one when it has none, or the one given failed).
   */
  z.object({
    type: z.literal('boot'),
    snapshot: snapshotBlobSchema.nullable(),
    snapshots: z.boolean(),
    /**
     * Keep a booted spare interpreter beside the active one, so that Stop or a time limit's kill costs no boot
     * (the page); without one (the headless engine's sessions) the replacement boots when it is needed.
     */
    spare: z.boolean(),
    /** Pyodide's files: the frame and its workers request none of them. */
    runtime: runtimeFilesSchema,
  }),
  /** The answer to the frame's 'asset-request' with the same id. */
  z.object({ type: z.literal('asset'), id: z.number().int(), reply: assetReplySchema }),
  /** The editor asks the language interpreter (Jedi, which never runs user code); answered by 'language-result'. */
  z.object({ type: z.literal('language'), id: z.number().int(), request: languageRequestSchema }),
  /** A command for the paused debug run `id` (see src/protocol/debug.ts). */
  z.object({ type: z.literal('debug'), id: z.number().int(), command: debugCommandSchema }),
]);
/** Messages from the page to the frame. */
export type PageToFrame = z.infer<typeof pageToFrameSchema>;

/** Messages from the frame to the page. */
export const frameToPageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('state'),
    state: engineStateSchema,
    detail: z.string().max(500),
    /** 0..1 while starting, else null. */
    progress: z.number().min(0).max(1).nullable(),
  }),
  z.object({ type: z.literal('output'), id: z.number().int(), chunks: z.array(outputChunkSchema).max(10_000) }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: executionResultSchema }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning']), text: z.string().max(2000) }),
  /** What a run or test run did to the working folder: the page takes it into the project. */
  z.object({ type: z.literal('files-changed'), changes: fileChangesSchema }),
  z.object({ type: z.literal('reset-done'), id: z.number().int() }),
  z.object({ type: z.literal('pong'), id: z.number().int() }),
  /** How the interpreter that serves runs started; `problem` says why the snapshot given could not be used. */
  z.object({ type: z.literal('booted'), boot: z.enum(['snapshot', 'normal']), problem: z.string().max(2000).nullable() }),
  /** A new memory snapshot for the page to store (made by a worker that never ran user code). */
  z.object({ type: z.literal('snapshot'), bytes: snapshotBytesSchema }),
  /** A worker needs a file under Pyodide's or the package folder (a wheel): the page fetches it and answers 'asset'. */
  z.object({
    type: z.literal('asset-request'),
    id: z.number().int(),
    ...assetRequestFields,
  }),
  z.object({ type: z.literal('call-result'), id: z.number().int(), response: callResponseSchema }),
  z.object({ type: z.literal('language-result'), id: z.number().int(), response: languageResponseSchema }),
  /** The test run's result, compact (compactTestResult.ts): the page expands it. */
  z.object({ type: z.literal('tests-result'), id: z.number().int(), result: compactTestResultSchema }),
  /** Tests of a running test run that have finished, in the order they finished (batched a few times a second). */
  z.object({ type: z.literal('test-records'), id: z.number().int(), records: z.array(testRecordSchema).max(5000) }),
  /** A rich output of the run, in order with its text output. */
  z.object({ type: z.literal('display'), id: z.number().int(), display: displayDataSchema }),
  /** The run waits for a line of input (its prompt went out as output just before). */
  z.object({ type: z.literal('input-request'), id: z.number().int() }),
  /** A live reading of the running program's memory (a few times a second at most). */
  z.object({ type: z.literal('sample'), id: z.number().int(), sample: runSampleSchema }),
  /** Progress of a package file's download, in bytes. */
  z.object({ type: z.literal('download'), tick: downloadTickSchema }),
  /** What the sandbox can do in this browser (sent first): without shared memory, Stop kills and input() is pre-filled only. */
  z.object({ type: z.literal('capabilities'), sharedMemory: z.boolean(), reason: z.string().max(1000).nullable() }),
  /** The debug run `id` stopped at a line and waits for a 'debug' command. */
  z.object({ type: z.literal('debug-paused'), id: z.number().int(), pause: debugPauseSchema }),
  /** The answer to a paused run's variables or evaluate request. */
  z.object({ type: z.literal('debug-answer'), id: z.number().int(), requestId: z.number().int(), answer: debugAnswerSchema }),
  /** A slice of a reply too large for one message: the page puts the pages together, then checks the whole. */
  messagePageSchema,
]);
/** Messages from the frame to the page. */
export type FrameToPage = z.infer<typeof frameToPageSchema>;

/**
 * Checks a message that claims to come from the frame. Returns the typed message,
 * or null when it is too large or does not fit the protocol.
 */
export function parseFrameMessage(data: unknown): FrameToPage | null {
  // A snapshot and a change set are bytes, not JSON: measuring them as JSON would cost seconds (their schemas cap them).
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : null;
  if (type === 'snapshot' || type === 'files-changed') {
    const parsed = frameToPageSchema.safeParse(data);
    return parsed.success ? parsed.data : null;
  }
  let size: number;
  try {
    size = JSON.stringify(data)?.length ?? 0;
  } catch {
    return null;
  }
  if (size > MAX_FRAME_MESSAGE_CHARS) return null;
  const parsed = frameToPageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Checks a message that claims to come from the page. */
export function parsePageMessage(data: unknown): PageToFrame | null {
  const parsed = pageToFrameSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Checks a message put together from pages (its size already capped by the assembler): the typed message or null. */
export function checkFrameMessage(data: unknown): FrameToPage | null {
  const parsed = frameToPageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
