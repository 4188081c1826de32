"""validate_code: analysis before a run, with ``ast`` and ``symtable``; nothing is executed.

``validate(source, policy, known)`` returns ``{"diagnostics": [...], "imports": [...]}``.
A diagnostic is ``{severity, rule, message, line, column, end_line, end_column,
suggestion}`` with 1-based lines and columns. ``policy`` holds ``sandbox_mode``,
``allowed_modules`` (already including the safe standard library) and
``forbidden_functions``; ``known`` lists the import names the package index provides.
"""

import ast
import io
import tokenize

from _executor.validate_checker import DISPATCH, Checker, in_order

# Pyodide's parser runs out of (WebAssembly) stack at about 100 nested brackets or
# ~8000 operands in one expression, and that kills the interpreter: such code is
# refused before it reaches the parser.
MAX_NESTING = 60
MAX_LINE_TOKENS = 3000


class _Report:
    def __init__(self):
        self.diagnostics = []
        self.imports = []

    def add(self, node, severity, rule, message, suggestion, line=None, column=None):
        line = line if line is not None else getattr(node, "lineno", 1)
        column = column if column is not None else getattr(node, "col_offset", 0) + 1
        self.diagnostics.append(
            {
                "severity": severity,
                "rule": rule,
                "message": message,
                "line": line,
                "column": column,
                "end_line": getattr(node, "end_lineno", None) or line,
                "end_column": (getattr(node, "end_col_offset", None) or column) + 1,
                "suggestion": suggestion,
            }
        )


def _complexity_problem(source):
    """(line, message) when the code is too deeply nested for the parser to survive, else None."""
    depth = tokens = 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                depth += 1
                if depth > MAX_NESTING:
                    return tok.start[0], f"brackets are nested more than {MAX_NESTING} deep"
            elif tok.type == tokenize.OP and tok.string in ")]}":
                depth -= 1
            tokens = 0 if tok.type == tokenize.NEWLINE else tokens + 1
            if tokens > MAX_LINE_TOKENS:
                return tok.start[0], f"one statement has more than {MAX_LINE_TOKENS} parts"
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None  # the parser reports it properly
    return None


def validate(source, policy, known=()):
    """Diagnostics and import verdicts for ``source``; see the module docstring."""
    report = _Report()
    problem = _complexity_problem(source)
    if problem:
        report.add(
            None,
            "error",
            "too-complex",
            f"The code is too complex to parse safely: {problem[1]}.",
            "Split the expression into smaller steps (parsing it would crash the interpreter).",
            line=problem[0],
            column=1,
        )
        return {"diagnostics": report.diagnostics, "imports": report.imports}
    try:
        flags = ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        tree = compile(source, "<validate>", "exec", flags=flags, dont_inherit=True)
        checker = Checker(source, tree, policy, known, report)
    except SyntaxError as exc:
        line = exc.lineno or 1
        report.add(
            None,
            "error",
            "syntax-error",
            f"{type(exc).__name__}: {exc.msg}",
            "Fix the syntax; nothing else can be checked until the code parses.",
            line=line,
            column=exc.offset or 1,
        )
        return {"diagnostics": report.diagnostics, "imports": report.imports}
    except (RecursionError, MemoryError, ValueError) as exc:
        report.add(
            None,
            "error",
            "too-complex",
            f"The code could not be analyzed: {type(exc).__name__}.",
            "Split deeply nested expressions into smaller steps.",
            line=1,
            column=1,
        )
        return {"diagnostics": report.diagnostics, "imports": report.imports}
    for node in in_order(tree):
        method = DISPATCH.get(type(node))
        if method:
            getattr(checker, method)(node)
    report.diagnostics.sort(key=lambda d: (d["line"], d["column"]))
    return {"diagnostics": report.diagnostics, "imports": report.imports}
