import * as z from 'zod';
import { PYODIDE_VERSION } from '../protocol/paths.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import { sessionPackageSchema, type SessionPackage } from '../protocol/results.ts';
import { validateSettings, type Settings } from '../config/settings.ts';
import { sharedPathProblem } from './sharedPathProblem.ts';
import { base64Size, base64ToBytes, bytesToBase64 } from '../project/base64.ts';
import { fileSize, isTextFile } from '../project/fileContent.ts';
import { formatBytes } from '../format/formatBytes.ts';
import {
  MAX_SESSION_FILE_SIZE,
  MAX_SESSION_FILES,
  MAX_SESSION_NAME_CHARS,
  MAX_SESSION_PACKAGES,
  MAX_SESSION_TOTAL_SIZE,
} from './sessionLimits.ts';

/** The `format` every session document carries. */
export const SESSION_FORMAT = 'executor-session';
/** The version of the document this build writes and reads. */
export const SESSION_VERSION = 1;

const name = z.string().max(80);
const names = z.array(name).max(500);

const settingsSchema = z.strictObject({
  timeoutSeconds: z.number(),
  maxMemoryMB: z.number(),
  maxOutputChars: z.number(),
  sandboxMode: z.boolean(),
  allowedModules: names,
  safeStdlib: names,
  forbiddenFunctions: names,
  pytestArgs: names,
  coverageThreshold: z.number(),
  enableProfiling: z.boolean(),
  collectMetrics: z.boolean(),
  // Added later: links made before them hold none, and get the defaults.
  lintRules: names.optional(),
  lineLength: z.number().optional(),
  formatOnRun: z.boolean().optional(),
});

const sharedPath = z.string().superRefine((path, ctx) => {
  const problem = sharedPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const documentSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  name: z
    .string()
    .trim()
    .min(1, 'the session has no name')
    .max(MAX_SESSION_NAME_CHARS, `the session name is longer than ${MAX_SESSION_NAME_CHARS} characters`),
  pyodide: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'the Pyodide version is not a version number'),
  files: z
    .array(
      z
        .strictObject({
          path: sharedPath,
          content: z.string().optional(),
          // A binary file's bytes (session files only: links leave binary files out).
          base64: z
            .string()
            .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'a binary file is not base64')
            .optional(),
        })
        .refine(
          (f) => (f.content === undefined) !== (f.base64 === undefined),
          'a file must have either "content" (text) or "base64" (bytes)',
        )
        .transform((f): { path: string; content: string } | { path: string; base64: string } =>
          f.content !== undefined ? { path: f.path, content: f.content } : { path: f.path, base64: f.base64 ?? '' },
        ),
    )
    .min(1, 'it holds no file'),
  activePath: z.string(),
  settings: settingsSchema,
  packages: z.strictObject({
    autoLoad: z.boolean(),
    load: z.array(z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'a package name is not a package name')).max(MAX_SESSION_PACKAGES),
    /** Name, version and source of each (documents made before this was kept have `load` only). */
    installed: z.array(sessionPackageSchema).max(MAX_SESSION_PACKAGES).optional(),
  }),
});

/**
 * A whole session as a share link and a session file carry it (the same JSON document):
 * the files, the settings, the packages to load and the Pyodide version it was made with.
 */
export type SessionDocument = Omit<z.infer<typeof documentSchema>, 'settings'> & { settings: Settings };

/** What a session document is built from. */
export interface SessionDocumentInput {
  name: string;
  files: ProjectFile[];
  activePath: string;
  settings: Settings;
  packages: { autoLoad: boolean; load: string[]; installed?: SessionPackage[] };
}

/** A document's files as project files (a binary file's base64 decoded). */
export function documentFiles(doc: Pick<SessionDocument, 'files'>): ProjectFile[] {
  return doc.files.map((f) => ('content' in f ? { path: f.path, content: f.content } : { path: f.path, bytes: base64ToBytes(f.base64) }));
}

/** Builds the document for the current build (format, version and Pyodide version filled in). */
export function toSessionDocument(input: SessionDocumentInput): SessionDocument {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    name: input.name.trim().slice(0, MAX_SESSION_NAME_CHARS) || 'Session',
    pyodide: PYODIDE_VERSION,
    files: input.files.map((f) =>
      isTextFile(f) ? { path: f.path, content: f.content } : { path: f.path, base64: bytesToBase64(f.bytes) },
    ),
    activePath: input.activePath,
    settings: { ...input.settings },
    packages: {
      autoLoad: input.packages.autoLoad,
      load: [...input.packages.load],
      ...(input.packages.installed ? { installed: input.packages.installed.map((p) => ({ ...p })) } : {}),
    },
  };
}

/** A checked document, or what is wrong with it in a phrase ("it was made by a newer Executor ..."). */
export type SessionDocumentCheck = { ok: true; doc: SessionDocument } | { ok: false; problem: string };

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const at = where ? `"${where}"` : 'it';
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'unrecognized_keys':
      return `${at} has a field Executor does not know (${issue.keys.map((k) => `"${k}"`).join(', ')})`;
    case 'invalid_type':
      return issue.message.endsWith('received undefined')
        ? `${at} is missing`
        : `${at} should be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    default:
      // Our own messages are phrases; zod's ("Too big: ...") get the field's name.
      return /^(Too|Invalid)/.test(issue.message)
        ? `${at}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`
        : issue.message;
  }
}

function checkHeader(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not an Executor session (expected a JSON object)';
  const { format, version, files } = value as Record<string, unknown>;
  if (format !== SESSION_FORMAT)
    return `it is not an Executor session (its "format" is ${format === undefined ? 'missing' : JSON.stringify(format)}, expected "${SESSION_FORMAT}")`;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return `its version (${JSON.stringify(version) ?? 'missing'}) is not one Executor knows`;
  if (version > SESSION_VERSION)
    return `it was made by a newer Executor (session version ${version}; this page reads version ${SESSION_VERSION}). Reload the page to get the newest Executor`;
  if (Array.isArray(files) && files.length > MAX_SESSION_FILES)
    return `it holds ${files.length} files; at most ${MAX_SESSION_FILES} are allowed`;
  return null;
}

function checkFiles(doc: Pick<SessionDocument, 'files' | 'activePath'>): string | null {
  let total = 0;
  const seen = new Set<string>();
  for (const f of doc.files) {
    if (seen.has(f.path)) return `the file "${f.path}" appears twice`;
    seen.add(f.path);
    const size = 'content' in f ? fileSize(f) : base64Size(f.base64);
    if (size > MAX_SESSION_FILE_SIZE) return `the file "${f.path}" is larger than ${formatBytes(MAX_SESSION_FILE_SIZE)}`;
    total += size;
  }
  if (total > MAX_SESSION_TOTAL_SIZE)
    return `its files hold ${formatBytes(total)}; at most ${formatBytes(MAX_SESSION_TOTAL_SIZE)} are allowed`;
  const clash = doc.files.find((f) => seen.has(f.path.split('/').slice(0, -1).join('/')));
  if (clash) return `"${clash.path}" is inside "${clash.path.split('/').slice(0, -1).join('/')}", which is also a file`;
  if (!seen.has(doc.activePath)) return `its open file "${doc.activePath}" is not one of its files`;
  return null;
}

/**
 * Checks a parsed document strictly: the format and version first, then every field's type,
 * the paths (no absolute path, no `..`), the caps on files and sizes, and the settings' ranges.
 * Nothing is cleaned up or guessed: one problem means the whole document is refused.
 */
export function checkSessionDocument(value: unknown): SessionDocumentCheck {
  const header = checkHeader(value);
  if (header) return { ok: false, problem: header };
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: describe(parsed.error.issues[0] as z.core.$ZodIssue) };
  const files = checkFiles(parsed.data);
  if (files) return { ok: false, problem: files };
  const settings = validateSettings(parsed.data.settings);
  if (!settings.ok) return { ok: false, problem: `its settings are not valid: ${Object.values(settings.errors)[0] ?? 'unknown error'}` };
  return { ok: true, doc: { ...parsed.data, settings: settings.settings } };
}

/** Reads a session file's text (JSON): the checked document, or what is wrong with it. */
export function readSessionText(text: string): SessionDocumentCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not JSON (it may be cut short, or another kind of file)' };
  }
  return checkSessionDocument(value);
}

/** The document as a session file's text (pretty JSON). */
export function sessionDocumentText(doc: SessionDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
