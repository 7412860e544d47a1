"""Maps driver exceptions to the errors Prisma's engine reported (P2002, P2003, P2011, P1001, ...)."""
from __future__ import annotations

import re
from typing import Any, List, Optional

from ..engine.errors import EngineConnectionError
from ..errors import (
    DataError,
    ForeignKeyViolationError,
    MissingRequiredValueError,
    PrismaError,
    RawQueryError,
    TableNotFoundError,
    UniqueViolationError,
    error_data,
)


def unique_violation(target: List[str], constraint: bool = False) -> UniqueViolationError:
    if constraint:
        msg = f'Unique constraint failed on the constraint: `{target[0] if target else ""}`'
        return UniqueViolationError(error_data('P2002', msg, {'target': target[0] if target else None}))
    msg = 'Unique constraint failed on the fields: (' + ','.join(f'`{t}`' for t in target) + ')'
    return UniqueViolationError(error_data('P2002', msg, {'target': target}))


def fk_violation(field: str) -> ForeignKeyViolationError:
    return ForeignKeyViolationError(error_data('P2003', f'Foreign key constraint failed on the field: `{field}`', {'field_name': field}))


def null_violation(target: List[str]) -> MissingRequiredValueError:
    msg = 'Null constraint violation on the fields: (' + ','.join(f'`{t}`' for t in target) + ')'
    return MissingRequiredValueError(error_data('P2011', msg, {'constraint': target}))


def table_missing(table: str) -> TableNotFoundError:
    return TableNotFoundError(error_data('P2021', f'The table `{table}` does not exist in the current database.', {'table': table}))


def lost(detail: str) -> EngineConnectionError:
    if detail in ('', "(0, '')"):  # pymysql's error for a connection the server already closed
        detail = 'the server closed the connection'
    return EngineConnectionError(f"Can't reach database server or the connection was lost: {detail}")


def wrap(provider: str, exc: BaseException, raw: bool = False) -> Exception:
    """Translate a driver exception; `raw` marks errors from query_raw/execute_raw (P2010)."""
    if isinstance(exc, PrismaError):
        return exc
    mapped = _map(provider, exc)
    if mapped is not None and (not raw or isinstance(mapped, (UniqueViolationError, ForeignKeyViolationError, EngineConnectionError))):
        return mapped
    if raw:
        code = _code(exc)
        msg = f'Code: `{code}`. Message: `{exc}`' if code else str(exc)
        return RawQueryError(error_data('P2010', f'Raw query failed. {msg}', {'code': code, 'message': str(exc).strip()}))
    if mapped is not None:
        return mapped
    return DataError(error_data('P2010', str(exc).strip(), {'message': str(exc).strip()}))


def _code(exc: BaseException) -> Optional[str]:
    for attr in ('pgcode', 'sqlstate'):
        v = getattr(exc, attr, None)
        if v:
            return str(v)
    args: Any = getattr(exc, 'args', ())
    if args and isinstance(args[0], int):
        return str(args[0])
    return None


def _map(provider: str, exc: BaseException) -> Optional[Exception]:
    name = type(exc).__name__
    text = str(exc)
    if provider == 'sqlite':
        if name == 'IntegrityError':
            m = re.search(r'UNIQUE constraint failed: (.*)', text)
            if m:
                return unique_violation([c.strip().split('.')[-1] for c in m.group(1).split(',')])
            if 'FOREIGN KEY constraint failed' in text:
                return fk_violation('foreign key')
            m = re.search(r'NOT NULL constraint failed: (.*)', text)
            if m:
                return null_violation([m.group(1).strip().split('.')[-1]])
        if name == 'OperationalError':
            m = re.search(r'no such table: (.*)', text)
            if m:
                return table_missing(m.group(1).strip())
            if 'unable to open database' in text:
                return lost(text)
        if name == 'ProgrammingError' and 'closed' in text:
            return lost(text)
        return None
    if provider == 'postgresql':
        code = _code(exc)
        detail = str(getattr(getattr(exc, 'diag', None), 'message_detail', None) or getattr(exc, 'detail', '') or '')
        if code == '23505':
            m = re.search(r'Key \((.*?)\)=', detail or text)
            cols = [c.strip().strip('"') for c in m.group(1).split(',')] if m else []
            return unique_violation(cols)
        if code == '23503':
            constraint = str(getattr(getattr(exc, 'diag', None), 'constraint_name', None) or getattr(exc, 'constraint_name', '') or '')
            return fk_violation(constraint or 'foreign key')
        if code == '23502':
            column = str(getattr(getattr(exc, 'diag', None), 'column_name', None) or getattr(exc, 'column_name', '') or '')
            return null_violation([column])
        if code == '42P01':
            m = re.search(r'relation "(.*?)" does not exist', text)
            return table_missing(m.group(1) if m else '')
        if code in ('22P02', '22003', '22001', '22007', '22008', '22023'):
            return DataError(error_data('P2007' if code != '22001' else 'P2000', text.strip(), {'message': text.strip()}))
        if (code or '').startswith('08') or name in ('OperationalError', 'InterfaceError', 'ConnectionDoesNotExistError',
                                                    'ConnectionResetError', 'ConnectionRefusedError') and not code:
            return lost(text.strip())
        if name in ('OperationalError', 'InterfaceError') and ('closed' in text or 'terminat' in text or 'connection' in text):
            return lost(text.strip())
        return None
    if provider == 'mysql':
        code = _code(exc)
        if code == '1062':
            m = re.search(r"for key '(.*?)'", text)
            key = m.group(1).split('.')[-1] if m else ''
            return unique_violation([key], constraint=True)
        if code in ('1452', '1451', '1216', '1217'):
            m = re.search(r'CONSTRAINT `(.*?)`', text)
            return fk_violation(m.group(1) if m else 'foreign key')
        if code in ('1048', '1364'):
            m = re.search(r"'(.*?)'", text)
            return null_violation([m.group(1) if m else ''])
        if code == '1146':
            m = re.search(r"Table '(.*?)'", text)
            return table_missing(m.group(1).split('.')[-1] if m else '')
        if code in ('2006', '2013', '2003', '2055', '0') or name in ('InterfaceError',):
            return lost(text.strip())
        if code in ('1264', '1366', '1292', '1406'):
            return DataError(error_data('P2000' if code == '1406' else 'P2007', text.strip(), {'message': text.strip()}))
        return None
    return None
