/** What the sandbox can do in this browser. */
export interface SandboxCapabilities {
  /**
   * SharedArrayBuffer and Atomics: Stop and the time limit interrupt a program softly (variables kept),
   * `input()` waits for the user, the debugger holds a program at a line.
   */
  sharedMemory: boolean;
  /** Why shared memory is missing (null when it is there), in words for the user. */
  reason: string | null;
}

/** The globals the detection looks at. */
export interface CapabilityGlobals {
  SharedArrayBuffer?: unknown;
  Atomics?: unknown;
  crossOriginIsolated?: boolean;
}

/**
 * Finds out whether the sandbox has shared memory here, and if not, why. `isolationDropped`: the page
 * asked to be served without isolation (see src/protocol/isolationUrls.ts).
 */
export function detectCapabilities(g: CapabilityGlobals, isolationDropped = false): SandboxCapabilities {
  if (g.crossOriginIsolated === false && isolationDropped)
    return {
      sharedMemory: false,
      reason:
        'this browser gives no SharedArrayBuffer even to a cross-origin isolated page (and there isolation keeps ' +
        "the sandbox's workers from starting), so the page runs without isolation",
    };
  if (g.crossOriginIsolated === false)
    return {
      sharedMemory: false,
      reason:
        'the page is not cross-origin isolated (it was served without the Cross-Origin-Opener-Policy and ' +
        'Cross-Origin-Embedder-Policy headers, or is embedded by a page without them), so the browser gives it no SharedArrayBuffer',
    };
  if (typeof g.SharedArrayBuffer !== 'function') return { sharedMemory: false, reason: 'this browser gives the page no SharedArrayBuffer' };
  if (typeof g.Atomics !== 'object' || g.Atomics === null) return { sharedMemory: false, reason: 'this browser has no Atomics' };
  try {
    new (g.SharedArrayBuffer as typeof SharedArrayBuffer)(4);
  } catch (err) {
    return {
      sharedMemory: false,
      reason: `this browser refused to make a SharedArrayBuffer (${err instanceof Error ? err.message : String(err)})`,
    };
  }
  return { sharedMemory: true, reason: null };
}

/** What is reduced without shared memory: one notice, said once. */
export function reducedCapabilitiesNotice(reason: string): string {
  return (
    `Running with reduced capabilities: ${reason}. Stop and the time limit end the interpreter instead of ` +
    'interrupting the program (variables are lost each time), input() reads only the pre-filled input (Input, in the Console tab), ' +
    'and the debugger is off. For all of them, serve Executor with its headers (npm start does) to a browser that ' +
    'gives SharedArrayBuffer (Chromium, Firefox).'
  );
}
