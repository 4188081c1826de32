/** Python sources are bundled as text (esbuild `text` loader, Vite plugin in tests). */
declare module '*.py' {
  const source: string;
  export default source;
}
