/** The session's interpreter is gone (browser or page crashed, killed, or stopped answering); the next call starts a fresh one. */
export class EngineLostError extends Error {
  override readonly name = 'EngineLostError';
}

/** No session can start: as many are open as EXECUTOR_MCP_MAX_SESSIONS allows. */
export class SessionsFullError extends Error {
  override readonly name = 'SessionsFullError';
}
