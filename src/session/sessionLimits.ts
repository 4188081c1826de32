/**
 * Caps on what a shared session (a link or a session file) may hold. A document over
 * any of them is refused as a whole, with a message that names the cap.
 */

/** Longest encoded link payload (the part after `#s/1/`), in characters: about what every browser carries reliably. */
export const MAX_LINK_PAYLOAD_CHARS = 8 * 1024;
/** Most files a shared session may hold: a project's. */
export const MAX_SESSION_FILES = 20_000;
/** Largest file a session may hold, in bytes (a text file's as UTF-8, a binary file's decoded): a project's. */
export const MAX_SESSION_FILE_SIZE = 50 * 1024 * 1024;
/** Most bytes of files in one session, all files together: a project's. */
export const MAX_SESSION_TOTAL_SIZE = 200 * 1024 * 1024;
/** Largest session file accepted by Import, in bytes (binary files travel as base64, a third larger). */
export const MAX_SESSION_FILE_BYTES = 300 * 1024 * 1024;
/** Longest session name. */
export const MAX_SESSION_NAME_CHARS = 100;
/** Longest file path. */
export const MAX_SESSION_PATH_CHARS = 200;
/** Most packages a session lists to load. */
export const MAX_SESSION_PACKAGES = 100;
