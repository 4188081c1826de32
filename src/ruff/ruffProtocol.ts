/**
 * Messages between the page and the Ruff worker (Ruff compiled to WebAssembly lints and formats
 * the editor's text; it is a trusted tool and runs outside the Python sandbox).
 */

/** Ruff's settings as its WebAssembly build takes them: the keys of `ruff.toml` (`line-length`, `lint.select`, ...). */
export type RuffOptions = Record<string, unknown>;

/** A position in the text: 1-based row, 1-based column in UTF-16 code units (Monaco's). */
export interface RuffLocation {
  row: number;
  column: number;
}

/** One text edit of a fix: replace start..end with `content` (null: delete). */
export interface RuffEdit {
  location: RuffLocation;
  end_location: RuffLocation;
  content: string | null;
}

/** One finding, as Ruff's WebAssembly build reports it (the fields Executor uses). */
export interface RuffDiagnostic {
  /** Rule code like F401; null for a syntax error. */
  code: string | null;
  message: string;
  start_location: RuffLocation;
  end_location: RuffLocation;
  fix: { message: string | null; edits: RuffEdit[] } | null;
  /** 'unnecessary' (unused code: shown faded) or 'deprecated'. */
  tags?: string[];
}

/** Page → worker. */
export type RuffRequest =
  { id: number; type: 'lint'; code: string; options: RuffOptions } | { id: number; type: 'format'; code: string; options: RuffOptions };

/** Worker → page: the answer to the request with the same id. */
export type RuffResponse =
  | { id: number; ok: true; type: 'lint'; diagnostics: RuffDiagnostic[] }
  | { id: number; ok: true; type: 'format'; formatted: string }
  | { id: number; ok: false; error: string };
