import * as z from 'zod';
import { createDemo, demoGallery } from '../demos/gallery.ts';
import { defineTool } from './defineTool.ts';

/** create_demo: a runnable demo from the gallery. */
export const createDemoTool = defineTool({
  name: 'create_demo',
  description: `Get a runnable Python demo from the gallery by topic. Topics: ${demoGallery.map((d) => `${d.id} (${d.title})`).join(', ')}.`,
  schema: z.object({ topic: z.string().min(1, 'name a topic').max(200).describe('What the demo should show, e.g. "fibonacci".') }),
  async run({ topic }) {
    const demo = createDemo(topic);
    if (!demo) {
      return {
        ok: false,
        summary: `No demo about "${topic}". Available: ${demoGallery.map((d) => d.title).join(', ')}.`,
        data: { available: demoGallery.map((d) => ({ id: d.id, title: d.title })) },
      };
    }
    return { ok: true, summary: `${demo.title}: ${demo.description}`, data: demo };
  },
});
