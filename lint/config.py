"""Configuration: discovery, validation, and the immutable :class:`Config`.

Settings come from ``.reportlint.toml`` (top level) or ``[tool.reportlint]`` in
``pyproject.toml``, whichever is found first walking up from the current
directory (``.reportlint.toml`` wins within one directory).  Command-line
options override file settings.
"""

from __future__ import annotations

import os
import re

from .diagnostics import CATEGORIES
from .errors import ConfigError
from .records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox")

# key -> (attribute, expected type description)
_KEYS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "exclude": "exclude",
    "extend-exclude": "extend_exclude",
    "segmenter": "segmenter",
    "extend-allow": "extend_allow",
    "extend-vendor-phrases": "extend_vendor_phrases",
    "profile": "profile",
    "profiles": "profiles",
    "report-year": "report_year",
    "severity": "severity",
    "max-members": "max_members",
    "max-part-mib": "max_part_mib",
    "max-total-xml-mib": "max_total_xml_mib",
    "max-ratio": "max_ratio",
    "per-file-ignores": "per_file_ignores",
    "allow": "allow",
    "lang": "lang",
}
_INT_KEYS = {
    "report_year": (1900, 2200),
    "max_members": (1, 1_000_000),
    "max_part_mib": (1, 4096),
    "max_total_xml_mib": (1, 16384),
    "max_ratio": (2, 100_000),
}


class AllowEntry(NamedTuple):
    """A finding the config accepts: by its exact matched text (``match``, white space
    collapsed) or a regular expression searched in it (``pattern``), optionally only in
    files matching ``path`` and for rules matching ``codes``, always with a ``reason``."""

    reason: str
    match: str | None = None
    pattern: re.Pattern | None = None
    path: str | None = None
    codes: tuple[str, ...] = ()


# The settings, in order, with their defaults (``root``, last, defaults to the current directory).
_DEFAULTS: dict[str, Any] = {
    "select": (),
    "extend_select": (),  # added to the default (or selected) rules; the way to turn on opt-in rules
    "ignore": (),
    "exclude": DEFAULT_EXCLUDE,
    "extend_exclude": (),
    "segmenter": "rjieba",
    "extend_allow": (),
    "extend_vendor_phrases": (),
    "profile": None,  # report-type profile for the section rules: a name, "none", or None (from the title)
    "profiles": (),  # the user's own report-type profiles (same form as rules/data/profiles/*.toml)
    "report_year": None,  # the year a report covers, when its title does not say (RL511)
    "severity": (),  # per-rule severity overrides: ((code, severity), ...)
    "max_members": 5000,  # Word package limits (defaults from OOXML practice: Apache POI, libxml2)
    "max_part_mib": 32,
    "max_total_xml_mib": 128,
    "max_ratio": 100,
    "per_file_ignores": (),  # (glob, selectors) pairs: rules off for matching files (globs relative to root)
    "allow": (),  # findings accepted with a reason (AllowEntry; for .txt and .docx, which have no comments)
    "lang": None,  # language of messages and tables (en, zh); None: from the locale
    "source": None,  # where the settings came from (None: defaults only); exclude globs are relative to it
}


class Config:
    """The settings of a run: the defaults, a config file's and the command line's.
    Immutable; :meth:`replace` makes a changed copy.  (A plain class, not a dataclass:
    the dataclass machinery costs a short run about a fifth of its time.)"""

    __slots__ = (*_DEFAULTS, "root")
    _fields = __slots__

    def __init__(self, *args: Any, **settings: Any) -> None:
        if len(args) > len(self._fields):
            raise TypeError(f"Config() takes at most {len(self._fields)} positional arguments")
        for name, value in zip(self._fields, args, strict=False):
            if name in settings:
                raise TypeError(f"Config() got multiple values for argument {name!r}")
            settings[name] = value
        unknown = sorted(settings.keys() - set(self._fields))
        if unknown:
            raise TypeError(f"Config() got an unexpected keyword argument {unknown[0]!r}")
        for name, default in _DEFAULTS.items():
            object.__setattr__(self, name, settings.get(name, default))
        object.__setattr__(self, "root", settings["root"] if "root" in settings else os.getcwd())

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to setting {name!r}: use replace()")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete setting {name!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        return self._values() == other._values() if type(other) is type(self) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "Config(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields) + ")"

    def __reduce__(self):
        return _config_from, (self.asdict(),)

    def asdict(self) -> dict[str, Any]:
        """The settings by name."""
        return {name: getattr(self, name) for name in self._fields}

    def replace(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied (unknown names are a TypeError)."""
        return Config(**{**self.asdict(), **changes})

    def with_options(self, **options: Any) -> Config:
        """A copy with the given non-None options applied (command-line overrides)."""
        changes = {k: (tuple(v) if isinstance(v, list) else v) for k, v in options.items() if v is not None}
        if not changes:
            return self
        cfg = self.replace(**changes)
        cfg.validate()
        return cfg

    def validate(self) -> None:
        from .segmenter import BACKENDS

        where = self.source or "command line"
        if self.segmenter not in BACKENDS:
            raise ConfigError(
                f"{where}: segmenter must be one of {', '.join(BACKENDS)}, not {self.segmenter!r}"
            )
        from .i18n import LANGUAGES

        if self.lang is not None and self.lang not in LANGUAGES:
            raise ConfigError(f"{where}: lang must be one of {', '.join(LANGUAGES)}, not {self.lang!r}")
        for key in ("select", "extend_select", "ignore"):
            for selector in getattr(self, key):
                check_selector(selector, where)
        from .registry import hooks

        for check_family_setting in hooks("check_config"):
            check_family_setting(self, where)
        for phrase in self.extend_vendor_phrases:
            if len(phrase.strip()) < 2:
                raise ConfigError(f"{where}: extend-vendor-phrases entries need 2 or more characters")

    def limits(self):
        from .readers.limits import Limits

        mib = 1024 * 1024
        return Limits(
            max_members=self.max_members,
            max_part_bytes=self.max_part_mib * mib,
            max_total_xml=self.max_total_xml_mib * mib,
            max_ratio=self.max_ratio,
        )

    def enabled(self, rule) -> bool:
        def hits(selectors: tuple[str, ...]) -> bool:
            return any(selects(s, rule) for s in selectors)

        if hits(self.ignore):
            return False
        if rule.opt_in:
            return any(_names(s, rule) for s in (*self.select, *self.extend_select))
        return not self.select or hits(self.select) or hits(self.extend_select)


def relative_to_root(path: str, root: str) -> str:
    """``path`` relative to a config's folder (``root``), with ``/`` separators, as config
    globs and baselines name files; the absolute path on another drive (Windows)."""
    try:
        return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    except ValueError:
        return os.path.abspath(path).replace(os.sep, "/")


def _config_from(settings: dict[str, Any]) -> Config:
    """A config from its settings by name (how a config is unpickled in a worker process)."""
    return Config(**settings)


def _names(selector: str, rule) -> bool:
    s = selector.strip()
    return s.upper() == rule.code or s == rule.name


def selects(selector: str, rule) -> bool:
    """Whether a selector (code, prefix, name, category or ALL) selects a rule or a finding."""
    s = selector.strip()
    return s == rule.category or s == rule.name or rule.code.startswith(s.upper()) or s.upper() == "ALL"


def check_selector(selector: str, where: str = "command line") -> None:
    from .registry import all_rules

    rules = all_rules()
    if any(selects(selector, r) for r in rules) or selector in CATEGORIES:
        return
    raise ConfigError(
        f"{where}: unknown rule selector {selector!r} (use a code such as RL101, a prefix such as RL1, "
        f"a rule name, or a category: {', '.join(CATEGORIES)})"
    )


def _string_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def from_mapping(data: dict[str, Any], source: str, root: str) -> Config:
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{source}: unknown setting {key!r} (known: {known})")
        attr = _KEYS[key]
        if attr in _INT_KEYS:
            low, high = _INT_KEYS[attr]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ConfigError(f"{source}: {key} must be a whole number from {low} to {high}")
            kwargs[attr] = value
        elif attr == "severity":
            kwargs[attr] = _severities(value, source)
        elif attr == "profiles":
            kwargs[attr] = _profiles(value, source)
        elif attr == "per_file_ignores":
            kwargs[attr] = _per_file_ignores(value, source)
        elif attr == "allow":
            kwargs[attr] = _allow_entries(value, source)
        elif attr in ("segmenter", "profile", "lang"):
            if not isinstance(value, str):
                raise ConfigError(f"{source}: {key} must be a string")
            kwargs[attr] = value
        else:
            kwargs[attr] = _string_list(value, key, source)
    cfg = Config(source=source, root=root, **kwargs)
    cfg.validate()
    return cfg


def _severities(value: Any, source: str) -> tuple[tuple[str, str], ...]:
    from .diagnostics import SEVERITIES
    from .registry import rule_by_code

    if not isinstance(value, dict):
        raise ConfigError(f"{source}: severity must be a table of rule code = \"error\"|\"warning\"|\"info\"")
    out = []
    for code, level in value.items():
        if rule_by_code(code.upper()) is None:
            raise ConfigError(f"{source}: severity: unknown rule code {code!r}")
        if level not in SEVERITIES:
            raise ConfigError(f"{source}: severity.{code} must be one of {', '.join(SEVERITIES)}")
        out.append((code.upper(), level))
    return tuple(out)


_PROFILE_KEYS = {"titles", "groups", "inferred"}
_GROUP_KEYS = {"id", "label", "required", "any"}


def _profiles(value: Any, source: str) -> tuple:
    """User profiles: {name: {titles = [...], groups = [{label, any, required}]}}."""
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: profiles must be a table of report types")
    out = []
    for name, body in value.items():
        where = f"{source}: profiles.{name}"
        if not isinstance(body, dict) or set(body) - _PROFILE_KEYS:
            raise ConfigError(f"{where}: allowed keys are {', '.join(sorted(_PROFILE_KEYS))}")
        titles = _string_list(body.get("titles", [name]), "titles", where)
        groups = body.get("groups")
        if not isinstance(groups, list) or not groups:
            raise ConfigError(f"{where}: groups must be a non-empty list of tables")
        checked = []
        for i, group in enumerate(groups, 1):
            if not isinstance(group, dict) or set(group) - _GROUP_KEYS or "any" not in group:
                raise ConfigError(f"{where}: group {i} needs 'any' (words) and may have id, label, required")
            words = _string_list(group["any"], "any", where)
            checked.append({"id": str(group.get("id", i)), "label": str(group.get("label", words[0])),
                            "required": bool(group.get("required", True)), "any": list(words)})
        out.append({"name": name, "titles": list(titles), "groups": checked, "inferred": bool(body.get("inferred"))})
    return tuple(out)


def _glob(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: a path glob must be a non-empty string")
    if os.path.isabs(value) or value.startswith("/"):
        raise ConfigError(f"{where}: glob {value!r} must be relative to the config file's folder")
    if value.count("[") != value.count("]"):
        raise ConfigError(f"{where}: glob {value!r} has an unclosed '['")
    return value


def _per_file_ignores(value: Any, source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: per-file-ignores must be a table of glob = [rule selectors]")
    out = []
    for pattern, selectors in value.items():
        where = f"{source}: per-file-ignores.{pattern!r}"
        _glob(pattern, where)
        listed = _string_list(selectors, "the value", where)
        for selector in listed:
            check_selector(selector, where)
        out.append((pattern, listed))
    return tuple(out)


_ALLOW_KEYS = ("match", "pattern", "path", "codes", "reason")


def _allow_entries(value: Any, source: str) -> tuple[AllowEntry, ...]:
    """``[[allow]]`` entries: match or pattern, optional path and codes, a required reason."""
    if not isinstance(value, list):
        raise ConfigError(f"{source}: allow must be an array of tables ([[allow]] entries)")
    out = []
    for i, entry in enumerate(value, 1):
        where = f"{source}: allow entry {i}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a table with {', '.join(_ALLOW_KEYS)}")
        unknown = sorted(set(entry) - set(_ALLOW_KEYS))
        if unknown:
            raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(_ALLOW_KEYS)})")
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"{where}: needs a reason (why this finding is not residue)")
        if ("match" in entry) == ("pattern" in entry):
            raise ConfigError(f"{where}: needs exactly one of match (exact text) or pattern (regular expression)")
        match = entry.get("match")
        if match is not None and (not isinstance(match, str) or not match.strip()):
            raise ConfigError(f"{where}: match must be a non-empty string")
        pattern = None
        if "pattern" in entry:
            if not isinstance(entry["pattern"], str) or not entry["pattern"]:
                raise ConfigError(f"{where}: pattern must be a non-empty string")
            try:
                pattern = re.compile(entry["pattern"])
            except re.error as exc:
                raise ConfigError(f"{where}: invalid pattern {entry['pattern']!r}: {exc}") from None
        path = _glob(entry["path"], where) if "path" in entry else None
        codes = _string_list(entry.get("codes", []), "codes", where)
        for code in codes:
            check_selector(code, where)
        out.append(AllowEntry(reason=reason, match=match, pattern=pattern, path=path, codes=codes))
    return tuple(out)


def _load_toml(path: str) -> dict[str, Any]:
    from .data_cache import load_toml

    try:
        return load_toml(path)
    except ValueError as exc:  # the parser's TOMLDecodeError, or bytes that are not UTF-8
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def load_file(path: str, data: dict[str, Any] | None = None) -> Config:
    """Settings from one file (``.reportlint.toml`` or ``pyproject.toml``); ``data``: its
    tables, when already parsed."""
    data = _load_toml(path) if data is None else data
    root = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) == "pyproject.toml":
        section = data.get("tool", {}).get("reportlint", {})
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.reportlint] must be a table")
        return from_mapping(section, f"{path} [tool.reportlint]", root)
    return from_mapping(data, path, root)


def _mentions_reportlint(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return b"reportlint" in fh.read()
    except OSError:
        return False


def discover(start: str | None = None) -> tuple[str, dict[str, Any] | None] | None:
    """The nearest config file at or above ``start``, and its tables when they were parsed
    to find it (a pyproject.toml: it counts only with a [tool.reportlint] table)."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, ".reportlint.toml")
        if os.path.isfile(candidate):
            return candidate, None
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and _mentions_reportlint(candidate):
            data = _load_toml(candidate)
            if "reportlint" in data.get("tool", {}):
                return candidate, data
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_config(path: str | None = None, start: str | None = None, isolated: bool = False) -> Config:
    """Load ``path``, or discover a config file, or return the defaults."""
    if path is not None:
        return load_file(path)
    if isolated:
        return Config()
    found = discover(start)
    return load_file(*found) if found else Config()
