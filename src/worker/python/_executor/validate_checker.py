"""validate_code's checks of a parsed module: imports, names, calls, attributes and loops against the policy.

``validate.py`` parses the source and walks it; ``Checker`` (with ``DISPATCH``) says what each node may do.
"""

import ast
import os
import symtable
import sys

from _executor.policy import HARD_BLOCKED, TOOLING

# Attributes that walk from an object to the interpreter's internals.
DUNDERS = frozenset(
    {
        "__subclasses__",
        "__globals__",
        "__builtins__",
        "__code__",
        "__closure__",
        "__base__",
        "__bases__",
        "__mro__",
        "__self__",
        "__loader__",
        "__getattribute__",
        "f_globals",
        "f_locals",
        "f_back",
        "f_builtins",
        "gi_frame",
        "cr_frame",
        "tb_frame",
    }
)
# Modules whose attributes, reached by a computed name, lead to the import machinery or
# the builtins: `getattr(sys, "mod" + "ules")` would skip every other rule here.
INTERNALS_MODULES = frozenset({"sys", "builtins", "importlib", "gc", "inspect"})
JS_MODULES = {"js", "pyodide_js", "pyodide.ffi", "pyodide.code", "pyodide.http", "ctypes", "micropip"}


def _bound_names(source, tree):
    """Names the program binds itself (module level or in any function), from symtable."""
    bound = set()
    try:
        tables = [symtable.symtable(source, "<validate>", "exec")]
    except SyntaxError:
        # symtable cannot take top-level `await`; the tree gives the same names.
        for node in in_order(tree):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                bound.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound.add(node.name)
            elif isinstance(node, ast.arg):
                bound.add(node.arg)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        return bound
    while tables:
        table = tables.pop()
        for symbol in table.get_symbols():
            if symbol.is_assigned() or symbol.is_imported() or symbol.is_parameter():
                bound.add(symbol.get_name())
        tables.extend(table.get_children())
    return bound


def _classify(module, policy, known):
    top = module.split(".")[0]
    is_stdlib = top in sys.stdlib_module_names or top in sys.builtin_module_names
    exists = is_stdlib or top in known or top in TOOLING or _session_file(top) or top in sys.modules
    if not policy["sandbox_mode"]:
        if is_stdlib:
            return "stdlib"
        return "allowed" if exists else "unknown"
    if top in HARD_BLOCKED:
        return "blocked"
    if top in policy["allowed_modules"]:
        return "stdlib" if is_stdlib else "allowed"
    if top in TOOLING or _session_file(top):
        return "allowed"
    return "blocked" if exists else "unknown"


def _session_file(top):
    return os.path.exists(top + ".py") or os.path.isdir(top)


class Checker:
    def __init__(self, source, tree, policy, known, report):
        self.policy = policy
        self.known = set(known)
        self.report = report
        self.forbidden = set(policy["forbidden_functions"])
        self.bound = _bound_names(source, tree)
        self.aliases = {}  # local name -> forbidden builtin it refers to
        self.module_names = {}  # local name -> module it is bound to
        self.membership = set()  # ids of nodes tested with `in` / `not in`

    # -- imports ---------------------------------------------------------
    def imported(self, node, module, local):
        verdict = _classify(module, self.policy, self.known)
        self.report.imports.append({"module": module, "line": node.lineno, "verdict": verdict})
        if local:
            self.module_names[local] = module
        top = module.split(".")[0]
        if module in JS_MODULES or top in JS_MODULES or (top == "pyodide" and module != "pyodide"):
            self.report.add(
                node,
                "error",
                "js-access",
                f"'{module}' reaches the browser's JavaScript side from Python.",
                "Executor runs your code without JavaScript access; use plain Python instead.",
            )
        elif verdict == "blocked":
            self.report.add(
                node,
                "error",
                "import-not-allowed",
                f"import of '{module}' is not allowed by the current policy.",
                f"Add '{top}' to the allowed modules in Settings, or turn off safe mode.",
            )
        elif verdict == "unknown":
            self.report.add(
                node,
                "warning",
                "import-unknown",
                f"'{module}' is not in the standard library, the package index or the session's files.",
                "Check the spelling; the run will fail with ModuleNotFoundError.",
            )

    def visit_import(self, node):
        for alias in node.names:
            top = alias.name.split(".")[0]
            self.imported(node, alias.name, alias.asname or top)
            # `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`.
            self.module_names[alias.asname or top] = alias.name if alias.asname else top

    def visit_import_from(self, node):
        if node.level or not node.module:
            return
        self.imported(node, node.module, None)
        for alias in node.names:
            local = alias.asname or alias.name
            full = f"{node.module}.{alias.name}"
            if node.module == "builtins" and alias.name in self.forbidden:
                self.aliases[local] = alias.name
                self.forbidden_use(node, alias.name, f"'{alias.name}' imported from builtins")
            elif node.module == "sys" and alias.name == "modules":
                self.sys_modules(node)
            elif full in JS_MODULES:
                self.imported(node, full, local)
            else:
                self.module_names[local] = full

    # -- forbidden functions --------------------------------------------
    def forbidden_use(self, node, name, how):
        self.report.add(
            node,
            "error",
            "forbidden-function",
            f"{how}: {name}() is in FORBIDDEN_FUNCTIONS.",
            f"Avoid {name}(); or take it off the forbidden functions in Settings.",
        )

    def is_builtins(self, node):
        if isinstance(node, ast.Name):
            return node.id == "__builtins__" or self.module_names.get(node.id) == "builtins"
        return False

    def is_internals(self, node):
        """The module name when ``node`` is a name bound to one of INTERNALS_MODULES, else None."""
        if isinstance(node, ast.Name):
            module = self.module_names.get(node.id)
            if module in INTERNALS_MODULES:
                return module
        return None

    def visit_name(self, node):
        if not isinstance(node.ctx, ast.Load):
            return
        if node.id in self.forbidden and node.id not in self.bound:
            self.forbidden_use(node, node.id, f"use of {node.id}")
        elif node.id == "__builtins__":
            self.dunder(node, "__builtins__")

    def visit_assign(self, node):
        value = node.value
        target = None
        if isinstance(value, ast.Name) and value.id in self.forbidden and value.id not in self.bound:
            target = value.id
        elif isinstance(value, ast.Name) and value.id in self.aliases:
            target = self.aliases[value.id]
        elif isinstance(value, ast.Attribute) and self.is_builtins(value.value) and value.attr in self.forbidden:
            target = value.attr
        if target:
            for t in node.targets:
                if isinstance(t, ast.Name):
                    self.aliases[t.id] = target

    def visit_call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.aliases:
            self.forbidden_use(node, self.aliases[func.id], f"{func.id}() is an alias of {self.aliases[func.id]}")
        if isinstance(func, ast.Name) and func.id in ("getattr", "setattr", "delattr") and len(node.args) >= 2:
            target, attr = node.args[0], node.args[1]
            if isinstance(attr, ast.Constant) and isinstance(attr.value, str):
                if attr.value in DUNDERS:
                    self.dunder(node, attr.value)
                elif self.is_builtins(target) and attr.value in self.forbidden:
                    self.forbidden_use(node, attr.value, f"getattr on builtins for '{attr.value}'")
                elif self.is_internals(target) == "sys" and attr.value == "modules":
                    self.sys_modules(node)
            elif self.is_builtins(target) or self.is_internals(target):
                self.report.add(
                    node,
                    "error",
                    "dynamic-access",
                    f"{func.id}() with a computed attribute name on '{self.is_internals(target) or 'builtins'}' "
                    "can reach the import machinery or any forbidden function.",
                    "Use the attribute by name, so it can be checked.",
                )
            else:
                self.report.add(
                    node,
                    "warning",
                    "dynamic-access",
                    f"{func.id}() with a computed attribute name.",
                    "Use the attribute by name, so it can be checked.",
                )
        elif (
            isinstance(func, ast.Name) and func.id == "vars" and len(node.args) == 1 and self.is_internals(node.args[0])
        ):
            self.report.add(
                node,
                "error",
                "dynamic-access",
                f"vars() on '{self.is_internals(node.args[0])}' hands out its attributes by computed name.",
                "Use the attribute by name, so it can be checked.",
            )

    # -- attributes ------------------------------------------------------
    def dunder(self, node, name):
        self.report.add(
            node,
            "error",
            "dunder-access",
            f"'{name}' walks into the interpreter's internals (a classic sandbox-escape path).",
            "Ordinary programs do not need it; use the object's public API.",
        )

    def visit_attribute(self, node):
        if node.attr in DUNDERS:
            self.dunder(node, node.attr)
        elif self.is_builtins(node.value) and node.attr in self.forbidden:
            self.forbidden_use(node, node.attr, f"{ast.unparse(node)}")
        elif isinstance(node.value, ast.Name):
            module = self.module_names.get(node.value.id)
            full = f"{module}.{node.attr}" if module else None
            if full == "sys.modules" and id(node) not in self.membership:
                self.sys_modules(node)
            elif full in JS_MODULES:
                self.report.add(
                    node,
                    "error",
                    "js-access",
                    f"'{full}' reaches the browser's JavaScript side from Python.",
                    "Executor runs your code without JavaScript access; use plain Python instead.",
                )

    def sys_modules(self, node):
        self.report.add(
            node,
            "error",
            "sys-modules",
            "sys.modules is changed or read directly, which can bypass the import rules.",
            "Import modules with an import statement; to test for one, use `'name' in sys.modules`.",
        )

    def visit_compare(self, node):
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.In, ast.NotIn)):
                self.membership.add(id(right))

    # -- loops -------------------------------------------------------------
    def visit_while(self, node):
        test = node.test
        if not (isinstance(test, ast.Constant) and test.value):
            return
        if not _exits(node.body):
            self.report.add(
                node,
                "warning",
                "infinite-loop",
                "`while True` without a break or return never ends on its own.",
                "Add a break condition; the run will be stopped at the time limit.",
                column=node.col_offset + 1,
            )


def _exits(body):
    """True when a break (of this loop) or a return appears in the loop body."""
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Break, ast.Return)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            stack.extend(n for n in ast.walk(node) if isinstance(n, ast.Return))
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


DISPATCH = {
    ast.Import: "visit_import",
    ast.ImportFrom: "visit_import_from",
    ast.Name: "visit_name",
    ast.Assign: "visit_assign",
    ast.Call: "visit_call",
    ast.Attribute: "visit_attribute",
    ast.While: "visit_while",
    ast.Compare: "visit_compare",
}


def in_order(tree):
    """Every node in source order, without recursion (deeply nested code must not crash the analysis)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
