import initSource from './python/_executor/__init__.py';
import importsSource from './python/_executor/imports.py';
import runnerSource from './python/_executor/runner.py';
import displaySource from './python/_executor/display.py';
import mplBackendSource from './python/_executor/mpl_backend.py';
import executorModuleSource from './python/executor/__init__.py';
import projectSource from './python/_executor/project.py';
import pytestPluginSource from './python/_executor/pytest_plugin.py';
import platformLimitsSource from './python/_executor/platform_limits.py';
import testingSource from './python/_executor/testing.py';
import policySource from './python/_executor/policy.py';
import validateSource from './python/_executor/validate.py';
import validateCheckerSource from './python/_executor/validate_checker.py';
import suggestSource from './python/_executor/suggest.py';
import monitorSource from './python/_executor/monitor.py';
import pypiSource from './python/_executor/pypi.py';
import variablesSource from './python/_executor/variables.py';
import languageSource from './python/_executor/language.py';
import debuggerSource from './python/_executor/debugger.py';
import debugFailureSource from './python/_executor/debug_failure.py';
import timezonesSource from './python/_executor/timezones.py';
import scriptMetadataSource from './python/_executor/script_metadata.py';

/** Folder in the interpreter's file system that holds Executor's own modules. */
export const EXECUTOR_LIB_DIR = '/opt/executor';

/** Executor's Python package, file by file, relative to {@link EXECUTOR_LIB_DIR}. */
export const pythonSources: Readonly<Record<string, string>> = {
  '_executor/__init__.py': initSource,
  '_executor/runner.py': runnerSource,
  '_executor/imports.py': importsSource,
  '_executor/display.py': displaySource,
  '_executor/mpl_backend.py': mplBackendSource,
  // `from executor import display` for user code.
  'executor/__init__.py': executorModuleSource,
  '_executor/project.py': projectSource,
  '_executor/pytest_plugin.py': pytestPluginSource,
  '_executor/platform_limits.py': platformLimitsSource,
  '_executor/testing.py': testingSource,
  '_executor/policy.py': policySource,
  '_executor/validate.py': validateSource,
  '_executor/validate_checker.py': validateCheckerSource,
  '_executor/suggest.py': suggestSource,
  '_executor/monitor.py': monitorSource,
  '_executor/pypi.py': pypiSource,
  '_executor/variables.py': variablesSource,
  '_executor/debugger.py': debuggerSource,
  '_executor/debug_failure.py': debugFailureSource,
  '_executor/timezones.py': timezonesSource,
  '_executor/script_metadata.py': scriptMetadataSource,
  // Imported only by the language worker (it needs Jedi).
  '_executor/language.py': languageSource,
};
