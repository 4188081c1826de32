import { demoGallery } from '../../demos/gallery.ts';
import { helpText } from '../helpText.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/**
 * "What can you do?": the list of what the assistant can do; anything else it cannot read gets one suggestion (the
 * closest thing it can do), never the whole list. No words point at it; a later step takes its place.
 */
export const helpIntent: OfflineIntent = {
  name: 'help',
  features: [],
  kinds: ['help', 'suggest'],
  label: () => 'What can you do?',
  step: () => ({ kind: 'help' }),
  merge: (last, next) => (next.kind === 'help' ? last : next),
  run(step, turn) {
    if (step.kind === 'suggest')
      turn.say(
        `I'm not sure what you'd like me to do. The closest I can do: **${step.label}** (say "${step.message}"), or ask "what can you do?".`,
      );
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
