/**
 * The headless engine page (engine.html): sandbox frames and engines, no UI. The MCP server and the CLI open one
 * such page in headless Chromium and a session in it per MCP session (see server/headless): each session has its
 * own engine, so its own opaque-origin frame and interpreter, and sessions share only this page's renderer.
 */
// Before any message is validated (see the module).
import '../protocol/zodWithoutEval.ts';
import type { PageCallTarget, PageProgress } from './pageProgress.ts';
import { encodePageAnswer } from './pageAnswerCodec.ts';
import { createServedEngine } from '../engine/createServedEngine.ts';
import { loadDeploymentConfig } from '../config/loadDeploymentConfig.ts';
import { createHeadlessSession, type HeadlessSession } from './createHeadlessSession.ts';

declare const __PYTHON_BUILD_KEY__: string;

declare global {
  interface Window {
    /** Starts session `id`: an engine of its own (a new sandbox frame and interpreter). */
    executorOpen?: (id: string) => void;
    /** Ends session `id` (its frame and interpreters go); false when there was none. */
    executorClose?: (id: string) => boolean;
    /**
     * Calls a method of a session's engine or debugger; with `stream`, reports output and finished tests as they
     * come. The answer is encoded by encodePageAnswer.
     */
    executorCall?: (id: string, target: PageCallTarget, method: string, args: unknown[], stream: boolean) => Promise<string>;
    /** The server's binding that receives a session's progress (exposed by server/headless/createEnginePage.ts). */
    executorProgress?: (id: string, event: PageProgress) => void;
  }
}

const deployment = loadDeploymentConfig();
const sessions = new Map<string, HeadlessSession>();

window.executorOpen = (id) => {
  if (sessions.has(id)) throw new Error(`Session ${id} is open already.`);
  // No spare interpreter: an idle session holds one interpreter's memory, not two (a replacement after a
  // time limit's kill boots from the memory snapshot when it is needed).
  const engine = createServedEngine(__PYTHON_BUILD_KEY__, deployment, import.meta.env.DEV, { spareInterpreter: false });
  void deployment.then((info) => engine.setPypiIndex(info?.packageSources?.pypi?.index ?? null));
  sessions.set(id, createHeadlessSession(engine));
};

window.executorClose = (id) => {
  const session = sessions.get(id);
  sessions.delete(id);
  session?.dispose();
  return session !== undefined;
};

window.executorCall = async (id, target, method, args, stream) => {
  const session = sessions.get(id);
  if (!session) throw new Error(`This page has no session ${id}: it was closed.`);
  const progress = window.executorProgress;
  return encodePageAnswer(await session.call(target, method, args, stream && progress ? (event) => progress(id, event) : undefined));
};
