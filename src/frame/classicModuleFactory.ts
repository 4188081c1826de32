const EXPORT = 'export default _createPyodideModule;';

/**
 * Turns pyodide.asm.mjs (Emscripten's module factory, an ES module) into a classic script that
 * defines `_createPyodideModule`, so that it can head a worker's blob: script (only classic blob
 * workers start in an opaque-origin frame, and the frame's CSP lets it import nothing else).
 * `import.meta.url` only locates files Executor hands over anyway, so it becomes "".
 * Throws when the file is not the shape this Pyodide version has (a new version needs a look).
 */
export function classicModuleFactory(source: string): string {
  if (
    !source.includes('async function _createPyodideModule(') ||
    source.indexOf(EXPORT) !== source.lastIndexOf(EXPORT) ||
    !source.includes(EXPORT)
  )
    throw new Error('pyodide.asm.mjs does not have the shape Executor expects (one default export of _createPyodideModule).');
  const classic = source.replace(EXPORT, '').replaceAll('import.meta.url', '""');
  if (/\bimport\.meta\b/.test(classic)) throw new Error('pyodide.asm.mjs uses import.meta in a way Executor does not handle.');
  return classic;
}
