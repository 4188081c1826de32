import type { FrameToPage } from '../protocol/pageFrame.ts';

/** The console line for an interpreter that was replaced: `why`, and that the variables are gone. */
export function replacedNotice(why: string): Extract<FrameToPage, { type: 'notice' }> {
  return { type: 'notice', level: 'warning', text: `${why} Variables from earlier runs are gone.` };
}
