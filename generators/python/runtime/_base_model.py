"""Base class of every generated model (pydantic config shared by v1 and v2)."""
from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel

from ._compat import PYDANTIC_V2
from .fields import Base64

__all__ = ('_PrismaModel',)


class _PrismaModel(BaseModel):
    __prisma_model__: ClassVar[str]

    if PYDANTIC_V2:
        model_config: ClassVar[Any] = {  # pyright: ignore
            'use_enum_values': True,
            'arbitrary_types_allowed': True,
            'populate_by_name': True,
        }
    else:

        class Config:
            use_enum_values = True
            arbitrary_types_allowed = True
            allow_population_by_field_name = True
            json_encoders = {Base64: str}
