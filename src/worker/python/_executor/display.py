"""Rich output: IPython's mime protocol for ``display()`` and trailing values.

An object shows as what it is when it has ``_repr_html_``, ``_repr_svg_``,
``_repr_png_``, ``_repr_jpeg_``, ``_repr_markdown_``, ``_repr_json_`` (or
``_repr_mimebundle_``); ``repr`` is always there as ``text/plain``. Bundles go to
the page through the publisher the runner installs for each run, which enforces
the output cap.
"""

import base64
import inspect
import io
import json
import sys

_METHODS = (
    ("text/html", "_repr_html_"),
    ("text/markdown", "_repr_markdown_"),
    ("image/svg+xml", "_repr_svg_"),
    ("image/png", "_repr_png_"),
    ("image/jpeg", "_repr_jpeg_"),
    ("application/json", "_repr_json_"),
)
_BINARY = {"image/png", "image/jpeg"}

# Receives (bundle as JSON text, kind) during a run; None outside runs.
_publisher = None


def set_publisher(publisher):
    """Installs the function that sends bundles to the page (None: print instead)."""
    global _publisher
    _publisher = publisher


def _encode(mime, value):
    """The bundle's text for one mime type's value, or None when it is unusable."""
    if isinstance(value, tuple) and len(value) == 2:
        value = value[0]  # (data, metadata), as IPython allows
    if value is None:
        return None
    if mime in _BINARY:
        if isinstance(value, (bytes, bytearray, memoryview)):
            return base64.b64encode(bytes(value)).decode("ascii")
        return value.strip() if isinstance(value, str) else None
    if mime == "application/json":
        return value if isinstance(value, str) else json.dumps(value, default=repr)
    return value if isinstance(value, str) else None


def mime_bundle(obj):
    """``{mime type: text}`` for ``obj``; a failing ``_repr_*_`` is skipped, as IPython does."""
    data = {}
    if not inspect.isclass(obj):
        method = getattr(obj, "_repr_mimebundle_", None)
        if callable(method):
            try:
                extra = method()
                if isinstance(extra, tuple):
                    extra = extra[0]
                for mime, value in dict(extra or {}).items():
                    text = _encode(mime, value)
                    if text is not None:
                        data[mime] = text
            except Exception:
                pass
        for mime, name in _METHODS:
            method = getattr(obj, name, None)
            if mime in data or not callable(method):
                continue
            try:
                text = _encode(mime, method())
            except Exception:
                continue
            if text is not None:
                data[mime] = text
    if "text/plain" not in data:
        data["text/plain"] = repr(obj)
    return data


def is_rich(bundle):
    """True when a bundle has more than plain text."""
    return any(mime != "text/plain" for mime in bundle)


def publish(bundle, kind="display"):
    """Sends a bundle to the page, in order with the program's text output."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    if _publisher is None:
        print(bundle.get("text/plain", ""))
        return
    _publisher(json.dumps(bundle), kind)


def display(*objs, raw=False):
    """Shows each object in the console as what it is: an image, a table, formatted text.

    With ``raw=True`` each object is already a mime bundle (``{"text/html": ...}``).
    """
    for obj in objs:
        if raw:
            bundle = {str(k): str(v) for k, v in dict(obj).items()}
            bundle.setdefault("text/plain", "")
        else:
            bundle = mime_bundle(obj)
        publish(bundle)


def figure_png(fig, dpi=100):
    """A matplotlib figure as PNG bytes, trimmed to its content."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def flush_figures():
    """Shows every open matplotlib figure as a PNG, then closes them (like a notebook)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        return
    for number in list(pyplot.get_fignums()):
        fig = pyplot.figure(number)
        text = f"<Figure {number}>"
        publish({"image/png": base64.b64encode(figure_png(fig)).decode("ascii"), "text/plain": text})
    pyplot.close("all")
