/**
 * Caps on what a shared session (a link or a session file) may hold. A document over
 * any of them is refused as a whole, with a message that names the cap.
 */

/** Longest encoded link payload (the part after `#s/1/`), in characters: about what every browser carries reliably. */
export const MAX_LINK_PAYLOAD_CHARS = 8 * 1024;
/** Most files a shared session may hold. */
export const MAX_SESSION_FILES = 200;
/** Longest single file, in characters. */
export const MAX_SESSION_FILE_CHARS = 1_000_000;
/** Most characters of file content in one session, all files together. */
export const MAX_SESSION_TOTAL_CHARS = 5_000_000;
/** Largest session file accepted by Import, in bytes. */
export const MAX_SESSION_FILE_BYTES = 8 * 1024 * 1024;
/** Longest session name. */
export const MAX_SESSION_NAME_CHARS = 100;
/** Longest file path. */
export const MAX_SESSION_PATH_CHARS = 200;
/** Most packages a session lists to load. */
export const MAX_SESSION_PACKAGES = 100;
