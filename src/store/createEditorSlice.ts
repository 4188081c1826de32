import { ruffClient } from '../ruff/ruffClient.ts';
import type { RuffClient } from '../ruff/createRuffClient.ts';
import { ruffOptions } from '../ruff/ruffOptions.ts';
import type { EditorSlice, SliceCreator } from './types.ts';

/** Editor slice: formatting the active file with Ruff. */
export const createEditorSlice =
  (ruff: Pick<RuffClient, 'format'> = ruffClient): SliceCreator<EditorSlice> =>
  (set, get) => ({
    async formatCode(options = {}) {
      const { code, activePath, settings } = get();
      let problem: string;
      try {
        const formatted = await ruff.format(code, ruffOptions(settings, get().files).options);
        // Typing went on while Ruff worked: what was typed wins.
        if (get().code !== code || get().activePath !== activePath) return 'The code changed while it was being formatted; format again.';
        if (formatted !== code) get().setCode(formatted);
        return null;
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        problem = `Could not format ${activePath}: ${why}. ${/pars|EOF|expected/i.test(why) ? 'Fix the syntax first.' : "Check the lint settings or the project's ruff.toml."}`;
      }
      if (!options.quiet) get().appendEntry('notice', problem);
      return problem;
    },
  });
