/**
 * Calls: requests to the interpreter that are not runs (dependency analysis, installs, validation, the Variables
 * tab, handle_error's scope), answered with a value of the method's own type.
 */
import * as z from 'zod';
import { errorScopeSchema, type ErrorScope } from './errorScope.ts';
import { runPolicySchema, validationReportSchema, type ValidationReport } from './policy.ts';
import { variablesPageSchema, variablesRequestSchema, type VariablesPage } from './variables.ts';
import { importReportSchema, installReportSchema, type ImportReport, type InstallReport } from './results.ts';

/** Requests that are not runs: answered with a value, not an ExecutionResult. */
export const callRequestSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('analyzeImports'), code: z.string() }),
  z.object({
    method: z.literal('install'),
    packages: z.array(z.string().min(1).max(200)).max(200),
    policy: runPolicySchema.optional(),
    /** Where packages outside the index come from: an index URL, 'pypi' (PyPI itself), or null (off; the default). */
    pypiIndex: z.string().max(2000).nullable().optional(),
  }),
  z.object({ method: z.literal('validate'), code: z.string(), policy: runPolicySchema }),
  /** handle_error's view of the last error: did-you-mean names, keys, lengths. */
  z.object({ method: z.literal('errorScope'), error: z.object({ type: z.string().max(200), message: z.string().max(5000) }) }),
  /** The Variables tab: a page of the namespace's names, or of a value's parts (bounded in size and time). */
  z.object({ method: z.literal('variables'), request: variablesRequestSchema }),
]);
/** Requests that are not runs. */
export type CallRequest = z.infer<typeof callRequestSchema>;

/** The methods of calls. */
export type CallMethod = CallRequest['method'];

/** The value each call method answers with. */
export interface CallValues {
  analyzeImports: ImportReport[];
  install: InstallReport;
  validate: ValidationReport;
  errorScope: ErrorScope;
  variables: VariablesPage;
}

/** The schema of each call method's value: the page checks an answer against the method it asked. */
export const callValueSchemas: { [M in CallMethod]: z.ZodType<CallValues[M]> } = {
  analyzeImports: z.array(importReportSchema),
  install: installReportSchema,
  validate: validationReportSchema,
  errorScope: errorScopeSchema,
  variables: variablesPageSchema,
};

/** A call's answer: its value, or an error message. */
export const callResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: z.union([z.array(importReportSchema), installReportSchema, validationReportSchema, errorScopeSchema, variablesPageSchema]),
  }),
  z.object({ ok: z.literal(false), error: z.string().max(5000) }),
]);
/** A call's answer. */
export type CallResponse = z.infer<typeof callResponseSchema>;
