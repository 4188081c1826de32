import { runPolicyOf } from '../config/configSettings.ts';
import type { PolicySlice, SliceCreator } from './types.ts';

/** Policy slice: validate_code's report on the editor's code under the current settings. */
export const createPolicySlice: SliceCreator<PolicySlice> = (set, get) => ({
  validation: null,
  validatedCode: null,
  validationError: null,
  async validateNow() {
    const { engine, code, settings } = get();
    if (!engine) return;
    try {
      const validation = await engine.validateCode(code, runPolicyOf(settings));
      // A newer edit may have been validated meanwhile; keep the report of the current code only.
      if (get().code === code) set({ validation, validatedCode: code, validationError: null });
    } catch (err) {
      set({ validationError: err instanceof Error ? err.message : String(err) });
    }
  },
});
