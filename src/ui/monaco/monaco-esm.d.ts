/** Monaco's ESM files, reached through the `monaco-esm` alias (see vite.config.ts). */
declare module 'monaco-esm/editor/editor.api.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-esm/*';
