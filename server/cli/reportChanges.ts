import { describeChanges, type ProjectChanges } from './fileChangesOf.ts';

/**
 * Tells the terminal (stderr: stdout is the program's) which files the run created, changed or deleted, and what
 * `--write-back` did with them (`written` is null without it).
 */
export function reportChanges(changes: ProjectChanges, written: string[] | null): void {
  const lines = describeChanges(changes);
  if (lines.length === 0) return;
  for (const line of lines) console.error(`[executor] ${line}`);
  if (written) for (const line of written) console.error(`[executor] ${line}`);
  else if (changes.created.length + changes.changed.length > 0)
    console.error('[executor] These stay in the sandbox: run again with --write-back to copy them into this folder.');
}

/** The files part of `--json` output. */
export function filesJson(changes: ProjectChanges, written: string[] | null): Record<string, unknown> {
  return {
    created: changes.created.map((f) => ({ path: f.path, bytes: f.bytes.length })),
    changed: changes.changed.map((f) => ({ path: f.path, bytes: f.bytes.length })),
    deleted: changes.deleted,
    writtenBack: written,
  };
}
