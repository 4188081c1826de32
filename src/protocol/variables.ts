import * as z from 'zod';

/** Rows the interpreter sends at a time (see `_executor/variables.py`). */
export const VARIABLES_PAGE = 100;

/** One name in the user's namespace, or one part of a value (an item, a key, an attribute). */
export const variableRowSchema = z.object({
  /** The name, or the part's label: `'a'` for a key, `[0]` for an item, `.x` for an attribute. */
  name: z.string().max(300),
  /** The type's name (qualified when it is not a builtin). */
  type: z.string().max(300),
  kind: z.enum(['value', 'module', 'function', 'class']),
  /** "3 items", "5 chars", "shape (2, 3), 48 bytes"; null when it has no size. */
  size: z.string().max(200).nullable(),
  /** A short repr (or why there is none: it took too long, it raised). */
  repr: z.string().max(400),
  /** It has parts to list. */
  expandable: z.boolean(),
});
/** One name or part of a value. */
export type VariableRow = z.infer<typeof variableRowSchema>;

/** One page of rows: the namespace's names, or the parts of a value. */
export const variablesPageSchema = z.object({
  rows: z.array(variableRowSchema).max(VARIABLES_PAGE),
  /** How many there are in all; null when they could not all be counted in time. */
  total: z.number().int().nonnegative().nullable(),
  offset: z.number().int().nonnegative(),
});
/** One page of rows. */
export type VariablesPage = z.infer<typeof variablesPageSchema>;

/** Which rows to list: the namespace (`name` null), or the parts of `name` reached by `path` (part indices). */
export const variablesRequestSchema = z.object({
  name: z.string().max(300).nullable(),
  path: z.array(z.number().int().nonnegative()).max(30),
  offset: z.number().int().nonnegative(),
});
/** Which rows to list. */
export type VariablesRequest = z.infer<typeof variablesRequestSchema>;
