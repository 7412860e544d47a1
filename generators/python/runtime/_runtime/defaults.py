"""Client-side default values, computed the way Prisma's query engine does (cuid, uuid, nanoid, ulid, now)."""
from __future__ import annotations

import hashlib
import os
import secrets
import socket
import threading
import time
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, Optional

_B36 = '0123456789abcdefghijklmnopqrstuvwxyz'
_NANOID = '_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
_lock = threading.Lock()
_counter = secrets.randbelow(36**4)


def _b36(n: int, width: int) -> str:
    out = ''
    while n:
        n, r = divmod(n, 36)
        out = _B36[r] + out
    return out.rjust(width, '0')[-width:]


def _fingerprint() -> str:
    pid = os.getpid() % (36**2)
    host = sum(ord(c) for c in socket.gethostname()) + 36
    return _b36(pid, 2) + _b36(host, 2)


_FP = _fingerprint()


def cuid() -> str:
    global _counter
    with _lock:
        _counter = (_counter + 1) % (36**4)
        count = _counter
    millis = int(time.time() * 1000)
    return 'c' + _b36(millis, 8) + _b36(count, 4) + _FP + _b36(secrets.randbelow(36**4), 4) + _b36(secrets.randbelow(36**4), 4)


def cuid2(length: int = 24) -> str:
    first = secrets.choice('abcdefghijklmnopqrstuvwxyz')
    seed = f'{time.time_ns()}{secrets.token_hex(32)}{_FP}'.encode()
    digest = int.from_bytes(hashlib.sha3_512(seed).digest(), 'big')
    return first + _b36(digest, length - 1)


def nanoid(size: int = 21) -> str:
    return ''.join(secrets.choice(_NANOID) for _ in range(size))


def uuid7() -> str:
    millis = int(time.time() * 1000)
    rand = int.from_bytes(secrets.token_bytes(10), 'big')
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def ulid() -> str:
    millis = int(time.time() * 1000)
    value = (millis << 80) | int.from_bytes(secrets.token_bytes(10), 'big')
    out = ''
    for _ in range(26):
        value, r = divmod(value, 32)
        out = _CROCKFORD[r] + out
    return out


def now_utc() -> datetime:
    n = datetime.now(timezone.utc)
    return n.replace(microsecond=(n.microsecond // 1000) * 1000)


def client_default(default: Optional[Dict[str, Any]]) -> Any:
    """Value for a client-computed default, or the sentinel MISSING when the database supplies it."""
    if not default:
        return MISSING
    kind = default.get('kind')
    if kind == 'cuid':
        return cuid2() if int(default.get('version') or 1) == 2 else cuid()
    if kind == 'uuid':
        return uuid7() if int(default.get('version') or 4) == 7 else str(uuid.uuid4())
    if kind == 'nanoid':
        return nanoid(int(default.get('size') or 21))
    if kind == 'ulid':
        return ulid()
    if kind == 'now':
        return now_utc()
    return MISSING


class _Missing:
    def __repr__(self) -> str:
        return 'MISSING'


MISSING: Any = _Missing()
