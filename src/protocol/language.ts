import * as z from 'zod';
import { projectFilesSchema } from './testProtocol.ts';

/** What the editor asks of the language interpreter (Jedi), at a 1-based line and column of `code`. */
export const languageQuerySchema = z.object({
  kind: z.enum(['complete', 'hover', 'signatures', 'definition']),
  /** The open file's path in the project. */
  path: z.string().min(1).max(200),
  code: z.string().max(2_000_000),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});
/** What the editor asks of the language interpreter. */
export type LanguageQuery = z.infer<typeof languageQuerySchema>;

/** One request: the query, with the project's files and the last run's names when they changed since the last request. */
export const languageRequestSchema = z.object({
  query: languageQuerySchema,
  files: projectFilesSchema.optional(),
  /** The names the last run defined, with their types' names. */
  names: z
    .array(z.tuple([z.string().max(300), z.string().max(300)]))
    .max(2000)
    .optional(),
  /** The session's packages (install specs): the language interpreter installs those it lacks, so Jedi reads them. */
  packages: z.array(z.string().min(1).max(2000)).max(500).optional(),
  pypiIndex: z.string().max(2000).nullable().optional(),
});
/** One request to the language interpreter. */
export type LanguageRequest = z.infer<typeof languageRequestSchema>;

/** A completion. `kind` is Jedi's type: module, class, instance, function, param, path, keyword, property, statement. */
export const completionItemSchema = z.object({
  label: z.string().max(500),
  kind: z.string().max(50),
  detail: z.string().max(2000),
  insert: z.string().max(500),
});

/** A hover: the signature (or kind and name) and the docstring. */
export const hoverInfoSchema = z.object({ title: z.string().max(2000), doc: z.string().max(5000) });

/** A call's signature while its arguments are typed; `active` is the parameter the cursor is in (-1: none). */
export const signatureInfoSchema = z.object({
  label: z.string().max(2000),
  params: z.array(z.string().max(500)).max(100),
  active: z.number().int(),
  doc: z.string().max(5000),
});

/** Where a name is defined, in the project's files. */
export const definitionPlaceSchema = z.object({
  path: z.string().max(200),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

/** The answer to each query kind. */
export const languageValueSchema = z.union([
  z.object({ kind: z.literal('complete'), items: z.array(completionItemSchema).max(200) }),
  z.object({ kind: z.literal('hover'), hover: hoverInfoSchema.nullable() }),
  z.object({ kind: z.literal('signatures'), signatures: z.array(signatureInfoSchema).max(20) }),
  z.object({ kind: z.literal('definition'), places: z.array(definitionPlaceSchema).max(50) }),
]);
/** The answer to a query. */
export type LanguageValue = z.infer<typeof languageValueSchema>;

/** A query's answer, or why there is none (`superseded`: a newer query of the same kind took its place). */
export const languageResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: languageValueSchema }),
  z.object({ ok: z.literal(false), error: z.string().max(2000), superseded: z.boolean().optional() }),
]);
/** A query's answer, or why there is none. */
export type LanguageResponse = z.infer<typeof languageResponseSchema>;
