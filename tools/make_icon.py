"""Draw the application icon (a white medical cross on a red disc, in a teal rounded square).

Run ``python tools/make_icon.py`` to rewrite ``resources/icons/jzhealth.ico`` (every Windows size, for
the exe, the shortcuts and the installer) and ``resources/icons/jzhealth.png`` (256 px, for Qt's window
icon). Drawn large and scaled down per size so small icons stay crisp; needs Pillow (build time only).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
CANVAS = 1024
TEAL = (0, 122, 128, 255)
RED = (214, 40, 40, 255)
WHITE = (255, 255, 255, 255)


def draw(size: int = CANVAS) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = size / 32  # design grid: 32 units
    d.rounded_rectangle((u, u, size - u, size - u), radius=6 * u, fill=TEAL)
    d.ellipse((4 * u, 4 * u, size - 4 * u, size - 4 * u), fill=WHITE)
    d.ellipse((6 * u, 6 * u, size - 6 * u, size - 6 * u), fill=RED)
    mid, arm, reach = size / 2, 2.75 * u, 8.5 * u  # cross: half-width and half-length of each bar
    d.rectangle((mid - arm, mid - reach, mid + arm, mid + reach), fill=WHITE)
    d.rectangle((mid - reach, mid - arm, mid + reach, mid + arm), fill=WHITE)
    return img


def write(folder: Path = ICON_DIR) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    big = draw()
    ico, png = folder / "jzhealth.ico", folder / "jzhealth.png"
    big.resize((256, 256), Image.LANCZOS).save(png, optimize=True)
    big.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return ico, png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="folder for jzhealth.ico and jzhealth.png")
    for path in write(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
