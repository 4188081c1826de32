import type { Demo } from '../../demos/gallery.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** "Show me a demo of fibonacci": a demo from the gallery, with its files. */
export const demoIntent: OfflineIntent = {
  name: 'demo',
  // "A demo of bubble sort for profiling" asks for a demo, whatever it is about.
  features: [[/\bdemo\b|\bexample (of|for|about)\b|\bshow me an example\b/, 7]],
  kinds: ['demo'],
  label: () => 'Show a demo',
  step({ clause }) {
    const topic = /\b(?:demo|example)s?\s+(?:of|for|about|with|on)\s+(.+)$/is.exec(clause)?.[1] ?? clause;
    return { kind: 'demo', topic: topic.trim().replace(/[.?!]+$/, '') };
  },
  async run(step, turn) {
    if (step.kind !== 'demo') return null;
    const outcome = await turn.call('create_demo', { topic: step.topic });
    if (!outcome) return null;
    if (!outcome.ok) turn.say(`${outcome.summary}\n\nAsk for one of them, e.g. "show me a demo of fibonacci".`);
    else {
      const demo = outcome.data as Demo;
      const extra = demo.files
        ? `\n\nIt comes with ${Object.keys(demo.files)
            .map((f) => `\`${f}\``)
            .join(' and ')} for the test runner.`
        : '';
      turn.say(
        `Here is the **${demo.title}** demo. ${demo.description}\n\n\`\`\`python\n${demo.code}\`\`\`${extra}\n\nPress **Run** on the block to run it, or **Insert in editor** to edit it first.`,
      );
    }
    return outcome.summary;
  },
};
