"""Draw the stand-in avatar JPEGs that the local test CDN serves.

Each image is a solid colour with its pixel size written large, so a person
looking at a saved file can tell at a glance which variant was picked.
Run from this folder: python3 make_images.py (needs Pillow 10.1 or later).
"""

from PIL import Image, ImageDraw, ImageFont

# (file name, edge in px, background, text colour)
IMAGES = [
    ("creator-1080.jpeg", 1080, (200, 40, 60), (255, 255, 255)),
    ("creator-720.jpeg", 720, (30, 110, 200), (255, 255, 255)),
    ("creator-100.jpeg", 100, (40, 160, 80), (255, 255, 255)),
    ("second-1080.jpeg", 1080, (240, 190, 30), (20, 20, 20)),
    ("second-720.jpeg", 720, (120, 50, 170), (255, 255, 255)),
]


def draw(name, edge, background, ink):
    image = Image.new("RGB", (edge, edge), background)
    pen = ImageDraw.Draw(image)

    # Pillow's bundled font keeps the output the same on every machine.
    font = ImageFont.load_default(size=edge // 4)
    pen.text((edge / 2, edge / 2), str(edge), fill=ink, font=font,
             anchor="mm")

    image.save(name, "JPEG", quality=50, optimize=True, subsampling=2)


if __name__ == "__main__":
    for entry in IMAGES:
        draw(*entry)
