/** The policy names the page's CSP allows: Executor's own, Monaco's, and DOMPurify's (Monaco's hover markdown). */
export const TRUSTED_TYPES_POLICIES = [
  'default',
  'executor-output-html',
  'defaultWorkerFactory',
  'diffEditorWidget',
  'diffReview',
  'domLineBreaksComputer',
  'editorGhostText',
  'editorViewLayer',
  'richScreenReaderContent',
  'standaloneColorizer',
  'stickyScrollViewLayer',
  'tokenizeToString',
  'dompurify',
] as const;
