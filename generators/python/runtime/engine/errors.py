from __future__ import annotations

from ..errors import PrismaError

__all__ = (
    'EngineError',
    'BinaryNotFoundError',
    'MismatchedVersionsError',
    'EngineConnectionError',
    'EngineRequestError',
    'AlreadyConnectedError',
    'NotConnectedError',
    'UnprocessableEntityError',
)


class EngineError(PrismaError):
    pass


class BinaryNotFoundError(EngineError):
    pass


class AlreadyConnectedError(EngineError):
    pass


class NotConnectedError(EngineError):
    pass


class MismatchedVersionsError(EngineError):
    got: str
    expected: str

    def __init__(self, *, expected: str, got: str) -> None:
        super().__init__(f'Expected query engine version `{expected}` but got `{got}`')
        self.expected = expected
        self.got = got


class EngineConnectionError(EngineError):
    """The database could not be reached, or the connection was lost."""


class EngineRequestError(EngineError):
    pass


class UnprocessableEntityError(EngineRequestError):
    pass
