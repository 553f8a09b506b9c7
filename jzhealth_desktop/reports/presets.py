"""Special-page presets (title, byline, credits, photo, sections): shipped defaults in
resources/report-presets/, the user's own as JSON files in the per-user data folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..domain.errors import InputError
from ..paths import data_dir, resources_dir

_NAME = re.compile(r"^[^\\/:*?\"<>|]{1,40}$")


def user_folder() -> Path:
    folder = data_dir() / "report-presets"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _folders() -> list[Path]:
    return [resources_dir() / "report-presets", user_folder()]


def preset_names() -> list[str]:
    names: dict[str, None] = {}
    for folder in _folders():
        for path in sorted(folder.glob("*.json")):
            names[path.stem] = None
    return list(names)


def load_preset(name: str) -> dict:
    for folder in reversed(_folders()):  # the user's own wins over a shipped one of the same name
        path = folder / f"{name}.json"
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise InputError(f"预设“{name}”无法读取：{exc}", f"preset '{name}' cannot be read: {exc}") from None
            return data if isinstance(data, dict) else {}
    raise InputError(f"没有名为“{name}”的预设", f"no preset named '{name}'")


def save_preset(name: str, options: dict) -> Path:
    name = name.strip()
    if not _NAME.match(name):
        raise InputError("预设名称不能为空，不超过40字，且不能含 \\ / : * ? \" < > |",
                         "a preset name is 1–40 characters without \\ / : * ? \" < > |")
    keep = {k: v for k, v in options.items() if k not in ("date", "baseline_year", "domain")}
    path = user_folder() / f"{name}.json"
    temp = path.with_suffix(".json.part")
    temp.write_text(json.dumps(keep, ensure_ascii=False, indent=2), encoding="utf-8")
    temp.replace(path)
    return path
