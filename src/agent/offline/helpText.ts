import type { Demo } from '../demos/gallery.ts';

/** What the offline assistant can do, listing only what this build supports. */
export function helpText(toolNames: readonly string[], demos: readonly Demo[]): string {
  const can = (name: string) => toolNames.includes(name);
  const lines = [
    "I'm the offline assistant: I follow a few kinds of requests, no AI model needed. Try:",
    '- **Run code**: "Execute this code:" followed by a ```python block (or "run my code" for the editor).',
    can('run_tests') ? '- **Tests**: "Run the tests in test_calculator.py and show me the coverage report".' : '',
    can('validate_code') ? '- **Validate**: "Check this code" with a code block (or for the editor\'s code).' : '',
    '- **Packages**: "Check which packages are missing and install them" (for a code block or the editor).',
    can('profile_code') ? '- **Profile**: "Profile this" with a code block.' : '- **Timing**: "Profile this" runs the code and reports its time and memory.',
    '- **Errors**: "Explain this error" after a failed run.',
    `- **Demos**: "Show me a demo of …" (${demos.map((d) => d.id).join(', ')}).`,
  ];
  return lines.filter(Boolean).join('\n');
}
