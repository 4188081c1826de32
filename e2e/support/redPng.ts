/** Python defining `Red(w, h)`: an object whose `_repr_png_` is a w×h red PNG built in pure Python (zlib + struct). */
export const RED_PNG = `import struct, zlib
class Red:
    def __init__(self, w, h): self.w, self.h = w, h
    def _repr_png_(self):
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
        rows = b"".join(b"\\x00" + b"\\xff\\x00\\x00" * self.w for _ in range(self.h))
        ihdr = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)
        return b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
`;
