"""The options of a report, checked before anything is built: one clear message per bad option.

A report that fails half-way through a build wastes the clerk's time and used to end in a traceback
(a date string from the options file, a text file given as the photo). Every option is checked and
normalised here first; the builders then trust what they get (a ``date`` is a ``datetime.date``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..domain.catalogue import Catalogue
from ..domain.errors import InputError
from ..domain.periods import MAX_YEAR, MIN_YEAR, check_year

COLUMNS = (2, 3)
PAPERS = ("A4", "A3")
CREDIT_ROLES = ("编辑", "校对", "组版")
MAX_NAME = 40  # a credit, byline or photographer: names, not paragraphs
MAX_TEXT = 200  # titles, headline, caption
MAX_SUMMARY = 400  # the plan page's closing box (the 2014 page's runs to some 230 characters)
TEXT_KEYS = ("series_title", "page_title", "page_no", "headline", "byline", "photo_caption", "photographer",
             "summary")
_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(value: object) -> dt.date:
    """``2014-03-07`` (or a ``date``) as a date in the accepted years; InputError otherwise."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        match = _DATE.match(str(value))
        try:
            if not match:
                raise ValueError
            day = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise InputError(f"出版日期“{value}”无效，应写成 年-月-日，如 2014-03-07",
                             f"issue date '{value}' is not a date; write YYYY-MM-DD, e.g. 2014-03-07") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InputError(f"出版日期 {day.isoformat()} 超出范围（{MIN_YEAR}–{MAX_YEAR}年）",
                         f"issue date {day.isoformat()} is outside {MIN_YEAR}-{MAX_YEAR}")
    return day


def _text(key: str, value: object, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise InputError(f"选项“{key}”应为文字", f"option '{key}' must be text")
    text = str(value).strip()
    if "\n" in text or "\r" in text:
        raise InputError(f"选项“{key}”不能换行", f"option '{key}' must be one line")
    if len(text) > limit:
        raise InputError(f"选项“{key}”过长（{len(text)}字，最多{limit}字）",
                         f"option '{key}' is too long ({len(text)} characters, at most {limit})")
    return text


def _columns(value: object) -> int:
    try:
        columns = int(str(value).strip())
    except ValueError:
        columns = 0
    if columns not in COLUMNS:
        raise InputError(f"栏数“{value}”无效，只能是 2 或 3", f"column count '{value}' is invalid; use 2 or 3")
    return columns


def _credits(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InputError("选项“credits”应为 {\"编辑\": 姓名, \"校对\": 姓名, \"组版\": 姓名}",
                         "option 'credits' must map 编辑/校对/组版 to names")
    unknown = [str(k) for k in value if k not in CREDIT_ROLES]
    if unknown:
        raise InputError(f"署名栏只有 编辑、校对、组版，没有“{'、'.join(unknown)}”",
                         f"credits are 编辑, 校对 and 组版; not {', '.join(unknown)}")
    return {role: _text(f"credits.{role}", value.get(role), MAX_NAME) for role in CREDIT_ROLES}


def check_photo(value: object) -> str:
    """The photo's path if it is a readable JPEG or PNG picture; '' for none."""
    text = _text("photo", value, 1000)
    if not text:
        return ""
    path = Path(text)
    if not path.is_file():
        raise InputError(f"找不到图片文件：{path}", f"photo file not found: {path}")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            kind = image.format
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        kind = None
    if kind not in ("JPEG", "PNG"):
        raise InputError(f"“{path.name}”不是可用的图片，请选择 JPG 或 PNG 图片",
                         f"'{path.name}' is not a usable picture; choose a JPG or PNG file")
    return str(path)


def _sections(value: object, catalogue: Catalogue | None) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise InputError("选项“sections”应为领域代码列表", "option 'sections' must be a list of domain codes")
    if catalogue is not None:
        known = {domain.code for domain in catalogue.domains}
        missing = [code for code in value if code not in known]
        if missing:
            raise InputError(f"专版栏目不存在：{'、'.join(missing)}", f"unknown special-page sections: {', '.join(missing)}")
    return list(value) or None


def check_options(options: dict | None, year: int, catalogue: Catalogue | None = None) -> dict:
    """A checked, normalised copy of ``options`` for a report on ``year``; InputError names the first bad one.

    ``date`` becomes a ``datetime.date`` (today when none is given), ``columns`` an int, ``credits`` the
    three roles, ``baseline_year`` an int before ``year``; the photo must be a JPEG or PNG picture.
    """
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise InputError("报表选项应为 JSON 对象", "report options must be a JSON object")
    checked = dict(options)
    checked["date"] = parse_date(options["date"]) if options.get("date") not in (None, "") else dt.date.today()
    for key in TEXT_KEYS:
        if key in options:
            limit = MAX_NAME if key in ("byline", "photographer") else MAX_SUMMARY if key == "summary" else MAX_TEXT
            checked[key] = _text(key, options[key], limit)
    if options.get("columns") not in (None, ""):
        checked["columns"] = _columns(options["columns"])
    if options.get("paper") not in (None, ""):
        if options["paper"] not in PAPERS:
            raise InputError(f"纸张“{options['paper']}”无效，只能是 A4 或 A3", f"paper '{options['paper']}' must be A4 or A3")
    if options.get("credits") is not None:
        checked["credits"] = _credits(options["credits"])
    if "photo" in options:
        checked["photo"] = check_photo(options["photo"])
    if "sections" in options:
        checked["sections"] = _sections(options["sections"], catalogue)
    if options.get("baseline_year") not in (None, ""):
        baseline = check_year(options["baseline_year"])
        if baseline >= year:
            raise InputError(f"对比年份 {baseline} 应早于报表年份 {year}",
                             f"baseline year {baseline} must be before the report year {year}")
        checked["baseline_year"] = baseline
    else:
        checked.pop("baseline_year", None)
    return checked
