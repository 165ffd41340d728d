"""Draw the extension's toolbar and store icons in extension/icons/.

This script is how those PNGs were made: the artwork is our own, drawn here
from circles, rectangles and triangles, with no third-party assets. It shows
a round profile picture (head and shoulders) and a bold arrow down into a
tray, on a dark rounded square with a thin cyan and pink edge.

Each size is drawn at four times its pixel size and scaled down with Lanczos
for smooth edges. The 16 px icon has its own simpler layout, snapped to its
pixel grid, so it stays legible in the toolbar. The script then checks that
each icon keeps a 3:1 contrast against both a light and a dark toolbar.

Run from anywhere: python3 tests/icons/make_icons.py (needs Pillow 10.1+).
"""

from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

OUT = Path(__file__).resolve().parents[2] / "extension" / "icons"
SUPERSAMPLE = 4

TILE = (0x16, 0x18, 0x23)
CYAN = (0x25, 0xF4, 0xEE)
PINK = (0xFE, 0x2C, 0x55)
PHOTO = (0xE9, 0xEA, 0xEE)
TOOLBARS = {"light": (0xFF, 0xFF, 0xFF), "dark": (0x20, 0x21, 0x24)}

# The layout for 32 px and up, on a 32-unit grid that spans the tile.
LARGE = {
    "grid": 32,
    "corner": 7,
    "disc": (12, 12, 9),
    "ring": 1.5,
    "head": (12, 9.6, 3.3),
    "shoulders": (12, 20.4, 6.4, 6.2),
    "arrow": {"x": 23, "shaft": 2, "head": 5, "top": 13, "neck": 20,
              "tip": 25.5},
    "tray": {"left": 17, "right": 29, "lip": 23, "bottom": 27.5, "half": 1.5},
    "gap": 1.5,
}

# The 16 px layout, in its own pixels: a bigger arrow, no tray, and edges
# on whole pixels so the head and shoulders stay apart.
SMALL = {
    "grid": 16,
    "corner": 3.5,
    "disc": (6, 6, 5),
    "ring": 1,
    "head": (6, 5, 2),
    "shoulders": (6, 11.5, 4, 3.5),
    "arrow": {"x": 12, "shaft": 1, "head": 3.5, "top": 6, "neck": 10,
              "tip": 15},
    "tray": None,
    "gap": 1,
}

# Per size: the layout, the transparent margin and the cyan and pink offset,
# both in output pixels. Chrome wants the 128 px store icon drawn in its
# middle 96 px: https://developer.chrome.com/docs/webstore/images#icons
SIZES = {
    16: (SMALL, 0, 0),
    32: (LARGE, 0, 1),
    48: (LARGE, 0, 1),
    128: (LARGE, 14, 2),
}


class Canvas:
    """A supersampled layer addressed in grid units across the tile."""

    def __init__(self, edge, inset, grid):
        self.edge = edge * SUPERSAMPLE
        self.origin = inset * SUPERSAMPLE
        self.unit = (self.edge - 2 * self.origin) / grid

    def px(self, value):
        return value * self.unit

    def pt(self, x, y):
        return (self.origin + self.px(x), self.origin + self.px(y))

    def box(self, x0, y0, x1, y1):
        return [*self.pt(x0, y0), *self.pt(x1, y1)]

    def mask(self):
        return Image.new("L", (self.edge, self.edge), 0)

    def ellipse(self, cx, cy, rx, ry=None):
        ry = rx if ry is None else ry
        mask = self.mask()
        ImageDraw.Draw(mask).ellipse(
            self.box(cx - rx, cy - ry, cx + rx, cy + ry), fill=255)
        return mask


def tile_mask(canvas, layout, shift=0):
    """The rounded square, moved by shift output pixels down and right."""
    mask = canvas.mask()
    grid, d = layout["grid"], shift * SUPERSAMPLE
    x0, y0, x1, y1 = canvas.box(0, 0, grid, grid)
    ImageDraw.Draw(mask).rounded_rectangle(
        [x0 + d, y0 + d, x1 + d, y1 + d],
        radius=canvas.px(layout["corner"]), fill=255)
    return mask


def figure_mask(canvas, layout):
    """Head and shoulders, kept inside the picture's light rim."""
    cx, cy, r = layout["disc"]
    figure = ImageChops.lighter(canvas.ellipse(*layout["head"]),
                                canvas.ellipse(*layout["shoulders"]))
    inside = canvas.ellipse(cx, cy, r - layout["ring"])
    return ImageChops.multiply(figure, inside)


def arrow_mask(canvas, layout, grow=0):
    """The arrow and its tray; grow fattens both to cut a gap around them."""
    mask = canvas.mask()
    pen = ImageDraw.Draw(mask)
    a = layout["arrow"]
    x, shaft, head = a["x"], a["shaft"] + grow, a["head"] + grow * 1.6
    top, neck, tip = a["top"] - grow, a["neck"], a["tip"] + grow * 1.6

    # The shaft runs a little into the head so no seam shows between them.
    pen.rectangle(canvas.box(x - shaft, top, x + shaft, neck + 0.5), fill=255)
    pen.polygon([canvas.pt(x - head, neck), canvas.pt(x + head, neck),
                 canvas.pt(x, tip)], fill=255)

    tray = layout["tray"]
    if tray:
        h = tray["half"] + grow
        left, right = tray["left"], tray["right"]
        lip, bottom = tray["lip"], tray["bottom"]
        for x0, y0, x1, y1 in [
            (left - h, lip - h, left + h, bottom + h),
            (right - h, lip - h, right + h, bottom + h),
            (left - h, bottom - h, right + h, bottom + h),
        ]:
            pen.rounded_rectangle(canvas.box(x0, y0, x1, y1),
                                  radius=canvas.px(h), fill=255)
    return mask


def draw(edge):
    """Draw one icon at its final size."""
    layout, margin, glitch = SIZES[edge]
    canvas = Canvas(edge, margin + glitch, layout["grid"])
    image = Image.new("RGBA", (canvas.edge, canvas.edge), (0, 0, 0, 0))

    # Cyan and pink copies peek out from behind the tile, as in TikTok's own
    # mark; they also outline the tile on a dark toolbar.
    if glitch:
        image.paste(CYAN, mask=tile_mask(canvas, layout, -glitch))
        image.paste(PINK, mask=tile_mask(canvas, layout, glitch))
    image.paste(TILE, mask=tile_mask(canvas, layout))

    image.paste(PHOTO, mask=canvas.ellipse(*layout["disc"]))
    image.paste(TILE, mask=figure_mask(canvas, layout))

    image.paste(TILE, mask=arrow_mask(canvas, layout, layout["gap"]))
    image.paste(CYAN, mask=arrow_mask(canvas, layout))

    return image.resize((edge, edge), Image.LANCZOS)


def luminance(rgb):
    """Relative luminance, as WCAG 2 defines it."""
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    """The WCAG contrast ratio of two colours."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def check(edge, image):
    """Stop unless enough of the icon stands out 3:1 from each toolbar.

    On a light toolbar the dark tile carries the shape; on a dark one the
    picture, the arrow and the coloured edge do.
    """
    drawn = [(x, y) for x in range(edge) for y in range(edge)
             if image.getpixel((x, y))[3] >= 128]

    for name, toolbar in TOOLBARS.items():
        flat = Image.new("RGB", image.size, toolbar)
        flat.paste(image, mask=image)
        visible = [xy for xy in drawn
                   if contrast(flat.getpixel(xy), toolbar) >= 3]
        share = len(visible) / len(drawn)
        print(f"  on a {name} toolbar, {share:.0%} of it is at 3:1 or more")
        if share < 0.3:
            raise SystemExit(f"icon-{edge}.png fades into a {name} toolbar")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for edge in SIZES:
        icon = draw(edge)
        path = OUT / f"icon-{edge}.png"
        icon.save(path, optimize=True)
        print(f"wrote {path}")
        check(edge, icon)
