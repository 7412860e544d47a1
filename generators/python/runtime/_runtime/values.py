"""Conversion between Python values and what each database stores, matching Prisma's engine:

SQLite: DateTime as integer milliseconds since the epoch (text dates written by the database are read
too), Boolean as 0/1, Decimal as REAL, Json as text, Bytes as BLOB. PostgreSQL and MySQL use their
native types; timestamps without time zone hold UTC.
"""
from __future__ import annotations

import base64
import json
from datetime import date, datetime, time as dtime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from typing import Any, Dict, List, Optional, cast

from ..errors import DataError, error_data
from ..fields import Base64, Json
from .schema import EnumInfo, FieldInfo

PG_TYPES = {
    'String': 'text', 'Int': 'integer', 'BigInt': 'bigint', 'Float': 'double precision', 'Boolean': 'boolean',
    'DateTime': 'timestamp(3)', 'Decimal': 'numeric', 'Json': 'jsonb', 'Bytes': 'bytea',
}


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def invalid(message: str, code: str = 'P2009') -> DataError:
    return DataError(error_data(code, message))


def to_utc(value: datetime) -> datetime:
    if value.tzinfo is timezone.utc and value.microsecond % 1000 == 0:
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    else:
        value = value.astimezone(timezone.utc)
    return value.replace(microsecond=(value.microsecond // 1000) * 1000)


def _parse_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return to_utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, str):
        text = value.strip().replace('Z', '+00:00')
        try:
            return to_utc(datetime.fromisoformat(text))
        except ValueError:
            pass
    raise invalid(f'Invalid value for a DateTime field: {value!r}')


def enum_db_value(enum: Optional[EnumInfo], value: Any) -> str:
    name = value.value if isinstance(value, Enum) else value
    if not isinstance(name, str):
        raise invalid(f'Invalid value for enum {enum.name if enum else ""}: {value!r}')
    if enum is None:
        return name
    if name in enum.values:
        return enum.values[name]
    raise invalid(f"Value '{name}' not found in enum '{enum.name}'")


class ValueCodec:
    def __init__(self, provider: str, enums: Dict[str, EnumInfo]) -> None:
        self.provider = provider
        self.enums = enums

    # ---- Python -> database -------------------------------------------------------------------
    def encode(self, f: FieldInfo, value: Any, *, element: bool = False) -> Any:
        if value is None:
            return None
        if f.is_list and not element:
            if not isinstance(value, (list, tuple)):
                raise invalid(f'Expected a list for field `{f.name}`')
            return [self.encode(f, v, element=True) for v in value]  # pyright: ignore[reportUnknownVariableType]
        t = f.type
        if f.kind == 'enum':
            return enum_db_value(self.enums.get(f.enum or f.type), value)
        if t == 'String':
            if not isinstance(value, str):
                raise invalid(f'Invalid value for String field `{f.name}`: expected a string, got {type(value).__name__}')
            return value
        if t in ('Int', 'BigInt'):
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer():
                    return int(value)
                raise invalid(f'Invalid value for {t} field `{f.name}`: expected an integer, got {type(value).__name__}')
            if t == 'Int' and not -(2**31) <= value < 2**31:
                raise invalid(f'Unable to fit integer value \'{value}\' into an INT4 (32-bit signed integer).', 'P2033')
            return value
        if t == 'Float':
            if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
                raise invalid(f'Invalid value for Float field `{f.name}`: expected a number, got {type(value).__name__}')
            return float(value)
        if t == 'Decimal':
            if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
                raise invalid(f'Invalid value for Decimal field `{f.name}`')
            dec = Decimal(str(value))
            return float(dec) if self.provider == 'sqlite' else dec
        if t == 'Boolean':
            if not isinstance(value, bool):
                raise invalid(f'Invalid value for Boolean field `{f.name}`: expected a boolean, got {type(value).__name__}')
            return (1 if value else 0) if self.provider == 'sqlite' else value
        if t == 'DateTime':
            dt = _parse_datetime(value)
            if self.provider == 'sqlite':
                return int(dt.timestamp() * 1000) if dt.microsecond == 0 else round(dt.timestamp() * 1000)
            native = f.native_type[0] if f.native_type else None
            if self.provider == 'postgresql':
                if native == 'Date':
                    return dt.date()
                if native in ('Time', 'Timetz'):
                    return dt.time() if native == 'Time' else dt.timetz()
                if native == 'Timestamptz':
                    return dt
            if self.provider == 'mysql' and native == 'Date':
                return dt.date()
            return dt.replace(tzinfo=None)
        if t == 'Json':
            data = value.data if isinstance(value, Json) else value
            try:
                return json.dumps(data)
            except TypeError as exc:
                raise TypeError(str(exc).replace('Object of type', 'Type').replace(' is not JSON serializable', ' not serializable')) from None
        if t == 'Bytes':
            if isinstance(value, Base64):
                return value.decode()
            if isinstance(value, (bytes, bytearray)):
                return bytes(value)
            if isinstance(value, str):
                return base64.b64decode(value)
            raise invalid(f'Invalid value for Bytes field `{f.name}`')
        return value

    # ---- database -> Python (values the generated pydantic models accept) ---------------------
    def decode(self, f: FieldInfo, raw: Any, *, element: bool = False) -> Any:
        if raw is None:
            return [] if (f.is_list and not element and f.required) else None
        if f.is_list and not element:
            if isinstance(raw, str):  # arrays of types the driver does not know (enum arrays on psycopg2)
                raw = parse_pg_array(raw) if raw.startswith('{') else json.loads(raw)
            return [self.decode(f, v, element=True) for v in raw]
        t = f.type
        if f.kind == 'enum':
            enum = self.enums.get(f.enum or f.type)
            text = raw.decode() if isinstance(raw, (bytes, bytearray)) else str(raw)
            return enum.reverse.get(text, text) if enum else text
        if t == 'DateTime':
            return decode_datetime(raw)
        if t == 'Boolean':
            if isinstance(raw, (bytes, bytearray)):
                return raw != b'\x00'
            return bool(raw)
        if t == 'Decimal':
            dec = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(str(raw))
            text = format(dec, 'f')
            if '.' in text:
                text = text.rstrip('0').rstrip('.')
            return Decimal(text)
        if t in ('Int', 'BigInt'):
            return int(raw)
        if t == 'Float':
            return float(raw)
        if t == 'Json':
            if isinstance(raw, (bytes, bytearray)):
                return raw.decode()
            if isinstance(raw, str):
                return raw
            return json.dumps(raw)
        if t == 'Bytes':
            return base64.b64encode(bytes(raw)).decode('ascii')
        if t == 'String' and isinstance(raw, (bytes, bytearray)):
            return raw.decode()
        if t == 'String' and not isinstance(raw, str):
            return str(raw)
        return raw


def parse_pg_array(text: str) -> List[Optional[str]]:
    """Parse a one-dimensional PostgreSQL array literal such as `{a,"b c",NULL}`."""
    out: List[Optional[str]] = []
    body = text[1:-1]
    i, n = 0, len(body)
    while i < n:
        if body[i] == '"':
            i += 1
            buf: List[str] = []
            while i < n and body[i] != '"':
                if body[i] == '\\' and i + 1 < n:
                    i += 1
                buf.append(body[i])
                i += 1
            out.append(''.join(buf))
            i += 1
        else:
            j = body.find(',', i)
            j = n if j < 0 else j
            item = body[i:j].strip()
            out.append(None if item == 'NULL' else item)
            i = j
        if i < n and body[i] == ',':
            i += 1
    return out


def decode_datetime(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        return to_utc(raw)
    if isinstance(raw, date):
        return datetime(raw.year, raw.month, raw.day, tzinfo=timezone.utc)
    if isinstance(raw, dtime):
        return datetime(1970, 1, 1, raw.hour, raw.minute, raw.second, raw.microsecond, tzinfo=timezone.utc)
    if isinstance(raw, int) and not isinstance(raw, bool):  # SQLite: integer milliseconds, exact
        return _EPOCH + timedelta(milliseconds=raw)
    if isinstance(raw, float):
        return _EPOCH + timedelta(milliseconds=int(raw))
    if isinstance(raw, bytes):
        raw = raw.decode()
    if isinstance(raw, str):
        text = raw.strip()
        for fmt in ('%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M:%S.%f'):
            try:
                return to_utc(datetime.strptime(text, fmt).replace(tzinfo=timezone.utc))
            except ValueError:
                pass
        try:
            return to_utc(datetime.fromisoformat(text.replace('Z', '+00:00')))
        except ValueError:
            from email.utils import parsedate_to_datetime

            return to_utc(parsedate_to_datetime(text))
    raise invalid(f'Cannot read {raw!r} as a DateTime')


def raw_result_value(value: Any, provider: str) -> Any:
    """Convert a driver value the way the engine's raw-query result format did."""
    if isinstance(value, bool):
        return (1 if value else 0) if provider == 'mysql' else value
    if isinstance(value, datetime):
        return to_utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dtime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(cast(bytes, value))).decode('ascii')
    if isinstance(value, list):
        return [raw_result_value(v, provider) for v in value]  # pyright: ignore[reportUnknownVariableType]
    return value


