/**
 * The headless engine page (engine.html): the sandbox frame and the engine, no UI. The MCP server and the
 * CLI open one per session in headless Chromium and call `window.executorEngine` (see server/headless).
 */
// Before any message is validated (see the module).
import '../protocol/zodWithoutEval.ts';
import type { Engine } from '../engine/engine.ts';
import { createDebugDriver } from '../engine/createDebugDriver.ts';
import type { DebugDriver } from '../engine/debugDriver.ts';
import type { FileChanges } from '../protocol/testProtocol.ts';
import { createServedEngine } from '../engine/createServedEngine.ts';
import { loadDeploymentConfig } from '../config/loadDeploymentConfig.ts';

declare const __PYTHON_BUILD_KEY__: string;

declare global {
  interface Window {
    /** The engine of the headless page (engine.html). */
    executorEngine?: Engine;
    /** The engine's step debugger, driven one call at a time (the debug tools of the MCP server). */
    executorDebugger?: DebugDriver;
    /** The change sets of the working folder since the last call (see server/headless/createPageEngine.ts). */
    executorTakeFileChanges?: () => FileChanges[];
  }
}

const deployment = loadDeploymentConfig();
const engine = createServedEngine(__PYTHON_BUILD_KEY__, deployment, import.meta.env.DEV);
void deployment.then((info) => engine.setPypiIndex(info?.packageSources?.pypi?.index ?? null));
window.executorEngine = engine;
window.executorDebugger = createDebugDriver(engine);
// What runs wrote waits here until the server's next call takes it, with the call's own answer.
const fileChanges: FileChanges[] = [];
engine.on('filesChanged', (changes) => fileChanges.push(changes));
window.executorTakeFileChanges = () => fileChanges.splice(0);
