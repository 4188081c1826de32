import type { Demo } from '../demos/gallery.ts';

/** What the offline assistant can do, listing only what this build supports. */
export function helpText(toolNames: readonly string[], demos: readonly Demo[]): string {
  const can = (name: string) => toolNames.includes(name);
  const lines = [
    "I'm the offline assistant: I follow a few kinds of requests, no AI model needed. Try:",
    '- **Run code**: "Execute this code:" followed by a ```python block (or "run my code" for the editor).',
    can('run_tests')
      ? '- **Tests**: "Run the tests in test_calculator.py and show me the coverage report" (or "run the tests" for all of them).'
      : '',
    can('validate_code') ? '- **Validate**: "Check this code" with a code block (or for the editor\'s code).' : '',
    '- **Packages**: "Check which packages are missing and install them" (for a code block or the editor).',
    can('profile_code')
      ? '- **Profile**: "Profile this and suggest optimizations" with a code block (or for the file in the editor): the hottest functions and what to change.'
      : '- **Timing**: "Profile this" runs the code and reports its time and memory.',
    can('list_files')
      ? '- **Files**: "Show the files" lists the project; "Read calc.py" shows one; "Save this as helpers.py" with a block writes one.'
      : '',
    can('execute_batch')
      ? '- **Scripts in order**: "Run prepare.py, train.py and evaluate.py in order" (one combined result), or "run a.py then b.py".'
      : '',
    '- **Errors**: "Explain this error" or "why did it fail?" after a failed run.',
    '- **Several steps**: "check which packages are missing, install them and then run it"; **follow-ups**: "run it again", "now with n = 30", "profile that".',
    `- **Demos**: "Show me a demo of …" (${demos.map((d) => d.id).join(', ')}).`,
  ];
  return lines.filter(Boolean).join('\n');
}
