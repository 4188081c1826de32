"""Installs from PyPI with micropip (pure-Python wheels only), one package at a time.

``install(names, index_url)`` returns ``{"installed": [{name, version}], "failed":
[{name, reason}]}``. ``index_url`` comes from the deployment (EXECUTOR_PYPI_URL);
None means micropip's default, PyPI itself.
"""


def _versions(micropip):
    return {pkg.name.lower(): (pkg.name, pkg.version) for pkg in micropip.list().values()}


def _reason(name, exc):
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "pure Python" in text or "wheel" in text:
        return f"{name} could not be installed from PyPI: {text} Only pure-Python packages (or those in Pyodide's index) work in the browser."
    if "Failed to fetch" in text or "NetworkError" in text or "fetch" in text.lower():
        return f"{name} could not be installed from PyPI: the index could not be reached ({text}). PyPI installs need the internet."
    return f"{name} could not be installed from PyPI: {text}"


async def install(names, index_url=None):
    import micropip

    before = _versions(micropip)
    failed = []
    for name in names:
        try:
            if index_url:
                await micropip.install(name, index_urls=[index_url])
            else:
                await micropip.install(name)
        except Exception as exc:  # one clear line per package, never a traceback
            failed.append({"name": name, "reason": _reason(name, exc)})
    after = _versions(micropip)
    installed = [
        {"name": shown, "version": version}
        for key, (shown, version) in after.items()
        if before.get(key, (None, None))[1] != version
    ]
    return {"installed": installed, "failed": failed}
