"""Minimal .env loader (python-dotenv's behaviour for the common cases; used when it is not installed)."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Dict, Iterable, Union

_LINE = re.compile(r'^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*?)\s*$')
_VAR = re.compile(r'\$\{([A-Za-z_][A-Za-z0-9_]*)\}')


def parse_dotenv(text: str) -> Dict[str, str]:
    out: Dict[str, str] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _LINE.match(lines[i])
        i += 1
        if not m:
            continue
        key, value = m.group(1), m.group(2)
        if value[:1] in ('"', "'"):
            quote = value[0]
            body = value[1:]
            while not _closed(body, quote) and i < len(lines):
                body += '\n' + lines[i]
                i += 1
            end = _close_index(body, quote)
            value = body[:end] if end >= 0 else body
            if quote == '"':
                value = value.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')
        else:
            value = re.sub(r'\s+#.*$', '', value)
        if quote_expand(value):
            value = _VAR.sub(lambda mm: out.get(mm.group(1), os.environ.get(mm.group(1), '')), value)
        out[key] = value
    return out


def quote_expand(value: str) -> bool:
    return '${' in value


def _close_index(body: str, quote: str) -> int:
    j = 0
    while j < len(body):
        if body[j] == '\\' and quote == '"':
            j += 2
            continue
        if body[j] == quote:
            return j
        j += 1
    return -1


def _closed(body: str, quote: str) -> bool:
    return _close_index(body, quote) >= 0


def load_env(paths: Iterable[Union[str, Path]] = ('.env', 'prisma/.env')) -> None:
    """Load variables from the given files without overriding variables that are already set."""
    for p in paths:
        path = Path(p)
        if not path.is_file():
            continue
        for key, value in parse_dotenv(path.read_text(encoding='utf-8')).items():
            os.environ.setdefault(key, value)
