"""Exceptions raised by the client. Engine-shaped data (`{'user_facing_error': {...}}`) is kept so
`.code` and `.meta` work as they did with Prisma's query engine."""
from __future__ import annotations

from typing import Any, Dict, Optional, cast

__all__ = (
    'PrismaError',
    'DataError',
    'UniqueViolationError',
    'ForeignKeyViolationError',
    'MissingRequiredValueError',
    'RawQueryError',
    'TableNotFoundError',
    'FieldNotFoundError',
    'RecordNotFoundError',
    'InputError',
    'TransactionError',
    'TransactionExpiredError',
    'TransactionNotStartedError',
    'HTTPClientClosedError',
    'ClientNotConnectedError',
    'ClientNotRegisteredError',
    'ClientAlreadyRegisteredError',
    'UnsupportedDatabaseError',
    'BuilderError',
    'InvalidModelError',
    'UnknownModelError',
    'UnknownRelationalFieldError',
    'GeneratorError',
    'UnsupportedListTypeError',
    'PrismaWarning',
    'UnsupportedSubclassWarning',
    'error_data',
)


def error_data(code: str, message: str, meta: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Build the dict the query engine used to return for a user-facing error."""
    return {
        'is_panic': False,
        'message': message,
        'user_facing_error': {
            'is_panic': False,
            'message': message,
            'meta': dict(meta or {}),
            'error_code': code,
        },
    }


class PrismaError(Exception):
    pass


class ClientNotRegisteredError(PrismaError):
    def __init__(self) -> None:
        super().__init__('No client instance registered; You must call prisma.register(prisma.Prisma())')


class ClientAlreadyRegisteredError(PrismaError):
    def __init__(self) -> None:
        super().__init__('A client has already been registered.')


class ClientNotConnectedError(PrismaError):
    def __init__(self) -> None:
        super().__init__(
            'Client is not connected to the query engine, '
            'you must call `connect()` before attempting to query data.'
        )


class HTTPClientClosedError(PrismaError):
    def __init__(self) -> None:
        super().__init__('Cannot make a request from a closed client.')


class UnsupportedDatabaseError(PrismaError):
    context: str
    database: str

    def __init__(self, database: str, context: str) -> None:
        super().__init__(f'{context} is not supported by {database}')
        self.database = database
        self.context = context


class DataError(PrismaError):
    data: Any
    code: Any
    meta: Any

    def __init__(self, data: Any, *, message: Optional[str] = None) -> None:
        self.data = data
        user_facing: Dict[str, Any] = {}
        if isinstance(data, dict):
            raw: Any = cast(Dict[str, Any], data).get('user_facing_error')
            if isinstance(raw, dict):
                user_facing = cast(Dict[str, Any], raw)
        self.code = user_facing.get('error_code')
        self.meta = user_facing.get('meta')
        message = message or user_facing.get('message')
        super().__init__(message or 'An error occurred while processing data.')


class UniqueViolationError(DataError):
    pass


class ForeignKeyViolationError(DataError):
    pass


class MissingRequiredValueError(DataError):
    pass


class RawQueryError(DataError):
    def __init__(self, data: Any) -> None:
        try:
            message = data['user_facing_error']['meta']['message']
        except (KeyError, TypeError):
            super().__init__(data)
        else:
            super().__init__(data, message=str(message))


class TableNotFoundError(DataError):
    table: Optional[str]

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        raw_meta: Any = self.meta
        meta: Dict[str, Any] = cast(Dict[str, Any], raw_meta) if isinstance(raw_meta, dict) else {}
        table = meta.get('table')
        self.table = table if isinstance(table, str) else None


class FieldNotFoundError(DataError):
    pass


class RecordNotFoundError(DataError):
    pass


class InputError(DataError):
    pass


class TransactionError(PrismaError):
    pass


class TransactionExpiredError(TransactionError):
    pass


class TransactionNotStartedError(TransactionError):
    def __init__(self) -> None:
        super().__init__(
            'Transaction has not been started yet.\n'
            'Transactions must be used within a context manager or started manually.'
        )


class BuilderError(PrismaError):
    pass


class InvalidModelError(BuilderError):
    def __init__(self, model: Any) -> None:
        super().__init__(f'Expected the {model} type to have a `__prisma_model__` class variable set')


class UnknownModelError(BuilderError):
    def __init__(self, model: str) -> None:
        super().__init__(f'Model: "{model}" does not exist.')


class UnknownRelationalFieldError(BuilderError):
    def __init__(self, model: str, field: str) -> None:
        super().__init__(f'Field: "{field}" either does not exist or is not a relational field on the {model} model')


class GeneratorError(PrismaError):
    pass


class UnsupportedListTypeError(GeneratorError):
    type: str

    def __init__(self, typ: str) -> None:
        super().__init__(f'Cannot use {typ} as a list yet')
        self.type = typ


class PrismaWarning(Warning):
    pass


class UnsupportedSubclassWarning(PrismaWarning):
    pass
