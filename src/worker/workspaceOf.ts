import { MAX_FILE_BYTES, MAX_PROJECT_BYTES } from '../protocol/testProtocol.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { WORKING_DIR } from '../protocol/paths.ts';
import { createWorkspace, type Workspace, type WorkspaceFs } from './createWorkspace.ts';

const workspaces = new WeakMap<PythonRuntime, Workspace>();

/** The working folder of this interpreter, kept in step with the page's project (one per interpreter). */
export function workspaceOf(rt: PythonRuntime): Workspace {
  let workspace = workspaces.get(rt);
  if (!workspace) {
    // Emscripten's FS has these members; Pyodide's types do not spell them out.
    const fs = rt.pyodide.FS as unknown as WorkspaceFs;
    workspace = createWorkspace(fs, WORKING_DIR, { maxFileBytes: MAX_FILE_BYTES, maxTotalBytes: MAX_PROJECT_BYTES });
    workspaces.set(rt, workspace);
  }
  return workspace;
}
