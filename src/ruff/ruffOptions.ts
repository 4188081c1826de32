import { parse } from 'smol-toml';
import type { RuffOptions } from './ruffProtocol.ts';

/** The editor settings Ruff follows when the project has no configuration of its own. */
export interface LintSettings {
  /** Rule selectors (`lint.select`): codes or prefixes like F, E4, I001. */
  lintRules: string[];
  lineLength: number;
}

/** Ruff's options for the project, and where they came from. */
export interface ResolvedRuffOptions {
  options: RuffOptions;
  /** The project file they were read from, or null for the settings. */
  source: string | null;
  /** Why the project's configuration was not used (then the settings are), or null. */
  problem: string | null;
}

/** Ruff's own order: `.ruff.toml`, then `ruff.toml`, then `pyproject.toml` with a `[tool.ruff]` table. */
const CONFIG_FILES = ['.ruff.toml', 'ruff.toml', 'pyproject.toml'];

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Ruff's options for the files of a project: the project's `ruff.toml` or `pyproject.toml`
 * (`[tool.ruff]`) at its root when there is one, else the settings' rules and line length.
 */
export function ruffOptions(settings: LintSettings, files: ReadonlyArray<{ path: string; content?: string }>): ResolvedRuffOptions {
  const fromSettings: RuffOptions = { 'line-length': settings.lineLength, lint: { select: settings.lintRules } };
  for (const name of CONFIG_FILES) {
    const file = files.find((f) => f.path === name);
    if (file?.content === undefined) continue;
    let table: unknown;
    try {
      table = parse(file.content);
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      return { options: fromSettings, source: null, problem: `${name} is not valid TOML (${why}); using the editor settings instead.` };
    }
    if (name === 'pyproject.toml') {
      const tool = isTable(table) ? table.tool : undefined;
      const ruff = isTable(tool) ? tool.ruff : undefined;
      if (!isTable(ruff)) continue;
      return { options: ruff, source: name, problem: null };
    }
    return { options: isTable(table) ? table : {}, source: name, problem: null };
  }
  return { options: fromSettings, source: null, problem: null };
}
