"""Executor's helpers for user code: ``from executor import display``.

``display(obj)`` shows an object in the console as what it is (image, table,
formatted text); ``HTML``, ``SVG``, ``Markdown``, ``JSON`` and ``Image`` wrap raw
content so it shows as that type.
"""

import base64 as _base64
import json as _json

from _executor.display import display

__all__ = ["HTML", "JSON", "SVG", "Image", "Markdown", "display"]


class _Raw:
    def __init__(self, data):
        self.data = data

    def __repr__(self):
        return f"<{type(self).__name__} object>"


class HTML(_Raw):
    """HTML to show (rendered without scripts)."""

    def _repr_html_(self):
        return self.data


class SVG(_Raw):
    """An SVG image."""

    def _repr_svg_(self):
        return self.data


class Markdown(_Raw):
    """Markdown text."""

    def _repr_markdown_(self):
        return self.data


class JSON(_Raw):
    """Data shown as JSON."""

    def _repr_json_(self):
        return _json.loads(self.data) if isinstance(self.data, str) else self.data


class Image:
    """A PNG or JPEG image, from bytes or a file name."""

    def __init__(self, data=None, filename=None, format=None):
        if filename is not None:
            with open(filename, "rb") as f:
                data = f.read()
        if isinstance(data, str):
            data = _base64.b64decode(data)
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("Image needs the image's bytes (data=...) or a file name (filename=...).")
        self.data = bytes(data)
        jpeg = self.data[:3] == b"\xff\xd8\xff" or (format or "").lower() in ("jpg", "jpeg")
        self.format = "jpeg" if jpeg else "png"

    def _repr_png_(self):
        return self.data if self.format == "png" else None

    def _repr_jpeg_(self):
        return self.data if self.format == "jpeg" else None

    def __repr__(self):
        return f"<Image {self.format}, {len(self.data)} bytes>"
