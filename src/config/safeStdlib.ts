/**
 * The curated safe part of the standard library that safe mode lets user code import
 * (editable in Settings). Left out on purpose: modules that reach the interpreter's
 * internals or the host (builtins, ctypes, gc, importlib, inspect, sys-level hooks,
 * pickle/marshal, code/codeop/runpy, subprocess, socket and the network clients).
 */
export const SAFE_STDLIB: readonly string[] = [
  'abc', 'argparse', 'array', 'ast', 'asyncio', 'base64', 'binascii', 'bisect', 'bz2', 'calendar', 'cmath',
  'collections', 'colorsys', 'contextlib', 'copy', 'csv', 'dataclasses', 'datetime', 'decimal', 'difflib',
  'doctest', 'enum', 'errno', 'fnmatch', 'fractions', 'functools', 'glob', 'graphlib', 'gzip', 'hashlib',
  'heapq', 'hmac', 'html', 'io', 'itertools', 'json', 'keyword', 'locale', 'logging', 'lzma', 'math',
  'numbers', 'operator', 'os', 'pathlib', 'pprint', 'queue', 'random', 're', 'reprlib', 'secrets', 'shlex',
  'shutil', 'sqlite3', 'statistics', 'string', 'struct', 'sys', 'tarfile', 'tempfile', 'textwrap', 'time',
  'timeit', 'tomllib', 'traceback', 'types', 'typing', 'unicodedata', 'unittest', 'uuid', 'warnings',
  'weakref', 'xml', 'zipfile', 'zlib', 'zoneinfo',
];
