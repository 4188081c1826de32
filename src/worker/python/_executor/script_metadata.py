"""PEP 723 inline script metadata: the ``# /// script`` block that declares a script's dependencies.

``read`` finds and parses the block (the standard library only); ``resolve`` reads the requirements
and checks ``requires-python`` with ``packaging`` (from the index), so it runs only when a block
declares something.
"""

import re
import tomllib

# The reference regular expression of PEP 723.
BLOCK = re.compile(r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$")
KNOWN_KEYS = {"dependencies", "requires-python", "tool"}


def read(source):
    """The script block of ``source``, or None when it has none.

    Returns ``{"dependencies": [...], "requires_python": str | None, "unknown": [...], "problem": str | None}``;
    ``problem`` says in a phrase what is wrong with a block that cannot be used.
    """
    blocks = [m for m in BLOCK.finditer(source) if m.group("type") == "script"]
    if not blocks:
        return None
    found = {"dependencies": [], "requires_python": None, "unknown": [], "problem": None}
    if len(blocks) > 1:
        found["problem"] = "the file has more than one `# /// script` block (PEP 723 allows one)"
        return found
    lines = blocks[0].group("content").splitlines(keepends=True)
    content = "".join(line[2:] if line.startswith("# ") else line[1:] for line in lines)
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        found["problem"] = f"its `# /// script` block is not valid TOML ({exc})"
        return found
    deps = data.get("dependencies", [])
    if not isinstance(deps, list) or not all(isinstance(d, str) for d in deps):
        found["problem"] = "`dependencies` in its `# /// script` block must be a list of strings"
        return found
    requires = data.get("requires-python")
    if requires is not None and not isinstance(requires, str):
        found["problem"] = "`requires-python` in its `# /// script` block must be a string"
        return found
    found["dependencies"] = deps
    found["requires_python"] = requires
    found["unknown"] = sorted(k for k in data if k not in KNOWN_KEYS)
    return found


def resolve(dependencies, requires_python, python_version):
    """Reads the requirements and checks ``requires-python`` against ``python_version``.

    Returns ``{"install": [{"name", "specifier", "requirement"}], "skipped": [...], "problems": [...]}``:
    requirements whose environment marker does not hold here are skipped; a requirement that does not
    parse, or a Python version outside ``requires-python``, is a problem, in a phrase.
    """
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    result = {"install": [], "skipped": [], "problems": []}
    if requires_python:
        try:
            if not SpecifierSet(requires_python).contains(python_version, prereleases=True):
                result["problems"].append(
                    f"it requires Python {requires_python}, and Executor runs Python {python_version}"
                )
        except InvalidSpecifier:
            result["problems"].append(f"its requires-python ({requires_python!r}) is not a version specifier")
    for text in dependencies:
        try:
            req = Requirement(text)
        except InvalidRequirement as exc:
            result["problems"].append(f"the dependency {text!r} is not a requirement ({exc})")
            continue
        if req.marker is not None and not req.marker.evaluate():
            result["skipped"].append(text)
            continue
        if req.url:
            result["problems"].append(
                f"the dependency {text!r} names a URL; install a wheel's URL from the Packages tab instead"
            )
            continue
        result["install"].append({"name": req.name, "specifier": str(req.specifier), "requirement": text})
    return result


def unmet(wanted):
    """Installed requirements whose version is outside their specifier: ``[(requirement, version)]``."""
    from importlib import metadata

    from packaging.specifiers import SpecifierSet

    out = []
    for item in wanted:
        if not item["specifier"]:
            continue
        try:
            version = metadata.version(item["name"])
        except metadata.PackageNotFoundError:
            continue
        if not SpecifierSet(item["specifier"]).contains(version, prereleases=True):
            out.append((item["requirement"], version))
    return out


def _requirements_lines(text):
    """The requirement lines of a requirements.txt: comments, blank lines and pip options left out."""
    lines, skipped, joined = [], [], ""
    for raw in text.splitlines():
        line = joined + raw
        if line.endswith("\\"):
            joined = line[:-1]
            continue
        joined = ""
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        if not line:
            continue
        if line.startswith("-"):
            skipped.append(line)
        else:
            lines.append(line)
    return lines, skipped


def declared(requirements_txt, pyproject_toml, python_version):
    """The dependencies a project declares at its root: requirements.txt and pyproject.toml's [project].

    Returns what ``resolve`` does, with ``sources`` (the files that declared something) and pip
    options of requirements.txt (``-r``, ``--index-url``...) in ``skipped``.
    """
    deps, skipped, sources, problems, requires = [], [], [], [], None
    if pyproject_toml is not None:
        try:
            project = tomllib.loads(pyproject_toml).get("project", {})
        except tomllib.TOMLDecodeError as exc:
            project = {}
            problems.append(f"pyproject.toml is not valid TOML ({exc})")
        listed = project.get("dependencies", []) if isinstance(project, dict) else []
        if isinstance(listed, list) and all(isinstance(d, str) for d in listed):
            deps += listed
            if listed:
                sources.append("pyproject.toml")
        else:
            problems.append("[project] dependencies in pyproject.toml must be a list of strings")
        wanted = project.get("requires-python") if isinstance(project, dict) else None
        if isinstance(wanted, str):
            requires = wanted
            if "pyproject.toml" not in sources:
                sources.append("pyproject.toml")
    if requirements_txt is not None:
        lines, options = _requirements_lines(requirements_txt)
        deps += lines
        skipped += options
        if lines:
            sources.append("requirements.txt")
    result = resolve(deps, requires, python_version)
    seen, install = set(), []
    for item in result["install"]:
        key = item["name"].lower().replace("_", "-")
        if key not in seen:
            seen.add(key)
            install.append(item)
    return {
        "sources": sources,
        "install": install,
        "skipped": skipped + result["skipped"],
        "problems": problems + result["problems"],
    }
