import { demoGallery } from '../../demos/gallery.ts';
import { helpText } from '../helpText.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** Anything else: what the assistant can do. No words point at it; a later step takes its place. */
export const helpIntent: OfflineIntent = {
  name: 'help',
  features: [],
  kinds: ['help'],
  label: () => 'What can you do?',
  step: () => ({ kind: 'help' }),
  merge: (last, next) => (next.kind === 'help' ? last : next),
  run(step, turn) {
    if (step.kind === 'help')
      turn.say(
        helpText(
          turn.tools.map((t) => t.name),
          demoGallery,
        ),
      );
    return Promise.resolve(null);
  },
};
