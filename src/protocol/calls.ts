/**
 * Calls: requests to the interpreter that are not runs (dependency analysis, installs, validation, the Variables
 * tab, handle_error's scope), answered with a value of the method's own type.
 */
import * as z from 'zod';
import { errorScopeSchema, type ErrorScope } from './errorScope.ts';
import { runPolicySchema, validationReportSchema, type ValidationReport } from './policy.ts';
import { variablesPageSchema, variablesRequestSchema, type VariablesPage } from './variables.ts';
import { importReportSchema, installReportSchema, type ImportReport, type InstallReport } from './results.ts';

/** What a project's root requirements.txt and pyproject.toml declare, read with `packaging` in the interpreter. */
export const declaredDependenciesSchema = z.object({
  /** The files that declared something. */
  sources: z.array(z.string().max(100)).max(2),
  /** Requirements to install (markers that do not hold here are in `skipped`). */
  install: z.array(z.object({ name: z.string().max(200), specifier: z.string().max(1000), requirement: z.string().max(2000) })).max(2000),
  skipped: z.array(z.string().max(2000)).max(2000),
  /** What is wrong, one phrase each (a requires-python the interpreter does not meet, a line that is not a requirement). */
  problems: z.array(z.string().max(2000)).max(2000),
});
/** What a project's root requirements.txt and pyproject.toml declare. */
export type DeclaredDependencies = z.infer<typeof declaredDependenciesSchema>;

/** Requests that are not runs: answered with a value, not an ExecutionResult. */
export const callRequestSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('analyzeImports'), code: z.string() }),
  z.object({
    method: z.literal('install'),
    packages: z.array(z.string().min(1).max(2000)).max(200),
    policy: runPolicySchema.optional(),
    /** Where packages outside the index come from: an index URL, 'pypi' (PyPI itself), or null (off; the default). */
    pypiIndex: z.string().max(2000).nullable().optional(),
  }),
  z.object({ method: z.literal('validate'), code: z.string(), policy: runPolicySchema }),
  /** handle_error's view of the last error: did-you-mean names, keys, lengths. */
  z.object({ method: z.literal('errorScope'), error: z.object({ type: z.string().max(200), message: z.string().max(5000) }) }),
  /** The Variables tab: a page of the namespace's names, or of a value's parts (bounded in size and time). */
  z.object({ method: z.literal('variables'), request: variablesRequestSchema }),
  /** The dependencies the project's root requirements.txt and pyproject.toml declare (null: no such file). */
  z.object({
    method: z.literal('declaredDependencies'),
    requirements: z.string().max(1_000_000).nullable(),
    pyproject: z.string().max(1_000_000).nullable(),
  }),
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
  declaredDependencies: DeclaredDependencies;
}

/** The schema of each call method's value: the page checks an answer against the method it asked. */
export const callValueSchemas: { [M in CallMethod]: z.ZodType<CallValues[M]> } = {
  analyzeImports: z.array(importReportSchema),
  install: installReportSchema,
  validate: validationReportSchema,
  errorScope: errorScopeSchema,
  variables: variablesPageSchema,
  declaredDependencies: declaredDependenciesSchema,
};

/** A call's answer: its value, or an error message. */
export const callResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: z.union([
      z.array(importReportSchema),
      installReportSchema,
      validationReportSchema,
      errorScopeSchema,
      variablesPageSchema,
      declaredDependenciesSchema,
    ]),
  }),
  z.object({ ok: z.literal(false), error: z.string().max(5000) }),
]);
/** A call's answer. */
export type CallResponse = z.infer<typeof callResponseSchema>;
