"""Field value types: `Json` (JSON columns) and `Base64` (Bytes columns)."""
from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, Union

from pydantic import Json as _PydanticJson

from ._compat import PYDANTIC_V2

__all__ = ('Json', 'Base64', 'Serializable')

Serializable = Any
_ASCII = 'ascii'

if TYPE_CHECKING:
    _BaseJson = str
else:
    _BaseJson = _PydanticJson


class Json(_BaseJson):
    """Wraps a JSON-serializable value passed to a Json field.

    On models, pydantic's Json type decodes the JSON text the client reads from the database, so the
    attribute holds the decoded value.
    """

    data: Serializable

    def __init__(self, data: Serializable) -> None:
        self.data = data
        super().__init__()

    @classmethod
    def keys(cls, **data: Serializable) -> 'Json':
        return cls(data)

    if TYPE_CHECKING:

        def __getitem__(self, i: Any) -> Any:  # pyright: ignore[reportIncompatibleMethodOverride]
            ...


class Base64:
    """Base64-encoded bytes. `_raw` holds the encoded form."""

    __slots__ = ('_raw',)

    def __init__(self, raw: bytes) -> None:
        self._raw = raw

    @classmethod
    def encode(cls, value: bytes) -> 'Base64':
        return cls(base64.b64encode(value))

    @classmethod
    def fromb64(cls, value: Union[str, bytes]) -> 'Base64':
        if isinstance(value, bytes):
            return cls(value)
        return cls(value.encode(_ASCII))

    def decode(self) -> bytes:
        return base64.b64decode(self._raw)

    def decode_str(self, encoding: str = 'utf-8') -> str:
        return self.decode().decode(encoding)

    @classmethod
    def _validate(cls, value: object) -> 'Base64':
        if isinstance(value, Base64):
            return value
        if isinstance(value, str):
            return cls(value.encode(_ASCII))
        if isinstance(value, bytes):
            return cls(value)
        raise ValueError(f'Could not convert type: {type(value)} to a Base64 object; Expected a string or bytes object')

    if PYDANTIC_V2:

        @classmethod
        def __get_pydantic_core_schema__(cls, source_type: Any, *args: Any, **kwargs: Any) -> Any:
            from pydantic_core import core_schema  # pyright: ignore

            return core_schema.no_info_before_validator_function(  # pyright: ignore
                cls._validate,
                schema=core_schema.any_schema(),  # pyright: ignore
                serialization=core_schema.plain_serializer_function_ser_schema(str),  # pyright: ignore
            )

    else:

        @classmethod
        def __get_validators__(cls) -> Iterator[Callable[[object], 'Base64']]:
            yield cls._validate

        @classmethod
        def __modify_schema__(cls, field_schema: Dict[str, object]) -> None:
            field_schema['type'] = 'string'
            field_schema['format'] = 'byte'

    def __str__(self) -> str:
        return self._raw.decode(_ASCII)

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}({self._raw!r})'

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Base64):
            return self._raw == other._raw
        return False

    def __hash__(self) -> int:
        return hash(self._raw)


