import { sessionDocumentText } from '../../session/sessionDocument.ts';
import type { AppState } from '../../store/types.ts';
import { downloadBlob } from '../downloadBlob.ts';

/** The file name a session is exported as: its name, made safe, and `.executor-session.json`. */
export function sessionFileName(name: string): string {
  const stem =
    name
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'session';
  return `${stem.slice(0, 60)}.executor-session.json`;
}

/** Downloads the open session as a session file (the share link's JSON document). */
export function exportSessionFile(state: AppState): void {
  const doc = state.sessionDocument();
  downloadBlob(sessionDocumentText(doc), sessionFileName(doc.name), 'application/json');
}
