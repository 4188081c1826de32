import initSource from './python/_executor/__init__.py';
import importsSource from './python/_executor/imports.py';
import runnerSource from './python/_executor/runner.py';

/** Folder in the interpreter's file system that holds Executor's own modules. */
export const EXECUTOR_LIB_DIR = '/opt/executor';

/** Executor's Python package, file by file, relative to {@link EXECUTOR_LIB_DIR}. */
export const pythonSources: Readonly<Record<string, string>> = {
  '_executor/__init__.py': initSource,
  '_executor/runner.py': runnerSource,
  '_executor/imports.py': importsSource,
};
