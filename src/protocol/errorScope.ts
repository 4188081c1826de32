import * as z from 'zod';

/** What the interpreter can tell about a failed run's surroundings (see `_executor/suggest.py`). */
export const errorScopeSchema = z.object({
  /** Close matches for a missing name, attribute or key, best first. */
  closeMatches: z.array(z.string().max(500)).max(10),
  /** For KeyError: the keys of the mappings subscripted on the failing line (repr, at most 20 each). */
  keys: z.array(z.object({ name: z.string().max(200), keys: z.array(z.string().max(500)).max(20), total: z.number().int() })).max(10),
  /** For IndexError: the lengths of the sequences subscripted on the failing line. */
  lengths: z.array(z.object({ name: z.string().max(200), length: z.number().int() })).max(10),
});
/** What the interpreter can tell about a failed run's surroundings. */
export type ErrorScope = z.infer<typeof errorScopeSchema>;
