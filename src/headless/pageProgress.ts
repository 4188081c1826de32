import type { OutputChunk } from '../protocol/results.ts';
import type { FileChanges } from '../protocol/testProtocol.ts';

/**
 * What the headless page reports while a streamed call runs (see server/headless/createPageEngine.ts): the
 * program's output, batched every {@link PROGRESS_BATCH_MS}, and each batch of finished tests.
 */
export type PageProgress =
  { kind: 'output'; chunks: OutputChunk[] } | { kind: 'tests'; records: Array<{ nodeId: string; outcome: string }> };

/** How long the page gathers output before it sends a progress event, in milliseconds. */
export const PROGRESS_BATCH_MS = 100;

/** Which object of the page a call is for: the engine, or its step debugger. */
export type PageCallTarget = 'engine' | 'debugger';

/** A call's answer, with the change sets of the working folder since the last call. */
export interface PageCallAnswer {
  value: unknown;
  changes: FileChanges[];
}
