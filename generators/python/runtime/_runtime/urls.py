"""Connection URL handling (Prisma URL forms: file:, postgresql://, mysql://)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, Optional
from urllib.parse import parse_qsl, unquote, urlsplit


@dataclass
class ConnInfo:
    provider: str
    url: str
    host: str = '127.0.0.1'
    port: Optional[int] = None
    user: Optional[str] = None
    password: Optional[str] = None
    database: Optional[str] = None
    path: str = ''
    params: Dict[str, str] = field(default_factory=lambda: {})

    @property
    def schema(self) -> Optional[str]:
        return self.params.get('schema')

    @property
    def pool_size(self) -> int:
        try:
            return max(1, int(self.params.get('connection_limit', '')))
        except ValueError:
            return (os.cpu_count() or 1) * 2 + 1

    @property
    def pool_timeout(self) -> float:
        try:
            return float(self.params.get('pool_timeout', '10'))
        except ValueError:
            return 10.0


def mask(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(':' + parts.password + '@', ':****@', 1)
    return url


def parse_url(provider: str, url: str, schema_dir: str) -> ConnInfo:
    if provider == 'sqlite':
        rest = url[len('file:'):] if url.startswith('file:') else url
        path, _, query = rest.partition('?')
        if path.startswith('//'):
            path = path[2:]
        if not os.path.isabs(path):
            path = os.path.normpath(os.path.join(schema_dir, path))
        return ConnInfo(provider, url, path=path, params=dict(parse_qsl(query)))
    parts = urlsplit(url)
    info = ConnInfo(
        provider, url,
        host=parts.hostname or 'localhost',
        port=parts.port,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        database=unquote(parts.path.lstrip('/')) or None,
        params=dict(parse_qsl(parts.query)),
    )
    if provider == 'postgresql' and info.params.get('host'):
        info.host = info.params['host']
    return info
