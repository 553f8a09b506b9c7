"""The domain is handed texts: the catalogue is built from its files' names and bytes (store/catalogue_files.py
reads the folder), and a rule's message says what it checks, an open end of a usual range included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jzhealth_desktop.domain.catalogue import HEAD_FILE, CatalogueError, Indicator, build_catalogue
from jzhealth_desktop.domain.rules import SOFT, bound_issues
from jzhealth_desktop.paths import catalogue_dir
from jzhealth_desktop.store.catalogue_files import load_catalogue


def _shipped_files() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(catalogue_dir().glob("*.toml"))]


def test_built_from_bytes_is_the_folders_catalogue():
    from_folder, from_bytes = load_catalogue(catalogue_dir()), build_catalogue(_shipped_files()[::-1])
    assert from_bytes == from_folder  # the same, in whatever order the files are handed over
    assert from_bytes.digest == from_folder.digest


def test_the_digest_covers_every_file():
    files = _shipped_files()
    name, content = files[-1]
    changed = [*files[:-1], (name, content + b"\n# a comment\n")]
    assert build_catalogue(changed).digest != build_catalogue(files).digest


def test_without_its_head_file_the_catalogue_is_refused(tmp_path):
    with pytest.raises(CatalogueError, match=f"{HEAD_FILE} is missing"):
        build_catalogue([f for f in _shipped_files() if f[0] != HEAD_FILE])
    name, content = next(f for f in _shipped_files() if f[0] != HEAD_FILE)
    (tmp_path / name).write_bytes(content)
    with pytest.raises(CatalogueError, match=f"{tmp_path}: {HEAD_FILE} is missing"):
        load_catalogue(tmp_path)  # the folder is named


BOUND = st.none() | st.integers(min_value=0, max_value=10**6)


@given(soft_min=BOUND, soft_max=BOUND, value=st.integers(min_value=0, max_value=2 * 10**6))
def test_the_usual_range_message_names_its_ends(soft_min, soft_max, value):
    ind = Indicator("beds", "床位数", "Beds", "张", "d", "s", 1, min=None, soft_min=soft_min, soft_max=soft_max)
    soft = [i for i in bound_issues(ind, value) if i.severity == SOFT]
    below = soft_min is not None and value < soft_min
    above = soft_max is not None and value > soft_max
    assert len(soft) == (1 if below or above else 0)
    if soft:
        message = soft[0].zh
        assert "None" not in message
        if soft_min is not None and soft_max is not None:
            assert f"（{soft_min}–{soft_max}）" in message
        elif soft_min is not None:
            assert f"（不低于 {soft_min}）" in message
        else:
            assert f"（不高于 {soft_max}）" in message
