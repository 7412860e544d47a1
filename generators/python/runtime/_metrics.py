"""The `Metrics` models returned by `Prisma.get_metrics()` (upstream's shapes: counters, gauges and
histograms, each a list of `Metric` with key, value, labels and description)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Generic, List, NamedTuple, TypeVar

from pydantic import BaseModel

from ._compat import PYDANTIC_V2, model_rebuild

__all__ = ('Metrics', 'Metric', 'MetricHistogram', 'HistogramBucket')

_T = TypeVar('_T')

if PYDANTIC_V2 or TYPE_CHECKING:
    _GenericBase = BaseModel
else:  # pydantic v1 needs GenericModel for Generic[...] models
    from pydantic.generics import GenericModel as _GenericBase  # pyright: ignore


class HistogramBucket(NamedTuple):
    max_value: float
    total_count: int


class MetricHistogram(BaseModel):
    sum: float
    count: int
    buckets: List[HistogramBucket]


class Metric(_GenericBase, Generic[_T]):  # pyright: ignore
    key: str
    value: _T
    labels: Dict[str, str]
    description: str


class Metrics(BaseModel):
    counters: List[Metric[int]]
    gauges: List[Metric[float]]
    histograms: List[Metric[MetricHistogram]]


model_rebuild(Metrics)
