"""Reading the catalogue's TOML files from their folder; ``domain/catalogue.py`` builds the catalogue from them."""

from __future__ import annotations

from pathlib import Path

from ..domain.catalogue import HEAD_FILE, Catalogue, CatalogueError, build_catalogue


def load_catalogue(folder: Path) -> Catalogue:
    """The catalogue in ``folder``: ``catalogue.toml`` and every other ``*.toml`` (one domain each).

    Raises ``CatalogueError`` when ``catalogue.toml`` is missing or an entry is malformed."""
    if not (folder / HEAD_FILE).exists():
        raise CatalogueError(f"{folder}: {HEAD_FILE} is missing")
    return build_catalogue([(path.name, path.read_bytes()) for path in folder.glob("*.toml")])
