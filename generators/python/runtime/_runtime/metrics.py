"""Query metrics kept by the runtime for `Prisma.get_metrics()`.

Prisma's query engine reported its own counters; there is no engine here, so the executor counts
what it runs: one *client query* per action (a compiled plan, from its first statement to its
result) and one *datasource query* per SQL statement, with their durations in Prisma's millisecond
buckets. The counters are per process (every client of the process adds to them); the pool gauges
are the calling client's own pool.
"""
from __future__ import annotations

import itertools
import threading
from bisect import bisect_left
from collections import deque
from typing import Any, Deque, Dict, List, Optional, Tuple

# Prisma's histogram bucket bounds (ms).
BUCKETS: Tuple[float, ...] = (0, 1, 5, 10, 50, 100, 500, 1000, 5000, 50000)


class Histogram:
    __slots__ = ('counts', 'sum', 'count')

    def __init__(self) -> None:
        self.counts = [0] * (len(BUCKETS) + 1)  # the last slot: above the largest bound
        self.sum = 0.0
        self.count = 0

    def observe(self, ms: float) -> None:
        i = 0
        while i < len(BUCKETS) and ms > BUCKETS[i]:
            i += 1
        self.counts[i] += 1
        self.sum += ms
        self.count += 1


class QueryMetrics:
    """Process-wide counters (plain int updates; a lock only where a read-modify-write races threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.client_queries = 0
        self.datasource_queries = 0
        self.client_duration = Histogram()
        self.datasource_duration = Histogram()
        # Started queries are counted by an itertools.count: next() is one atomic C call, so the hot
        # path takes no lock to start a query; finished ones are counted under the lock with the rest.
        self._started = itertools.count()
        self.client_finished_count = 0
        # Finished queries of the fast path (one statement each) as (statement_ms, client_ms), the
        # statement negative when it failed: appended without a lock (deque.append is atomic) and folded
        # into the counters by the next reader, or every FOLD_AT entries. A lock and two bucket searches
        # per query cost more than the rest of the fast path's bookkeeping.
        self.singles: Deque[Tuple[float, float]] = deque()

    @property
    def client_active(self) -> int:
        """Started and not finished (call with the lock held, after fold_singles)."""
        # repr of count(n) is 'count(n)'; taking one number with next() would need a lock to stay exact,
        # and pickling support (__reduce__) goes away in Python 3.14.
        started = int(repr(self._started)[6:-1])
        return max(started - self.client_finished_count - len(self.singles), 0)

    def fold_singles(self) -> None:
        """Counts the queued fast-path queries (call with the lock held) like statement() + client_finished()."""
        pop = self.singles.popleft
        ds, cl = self.datasource_duration, self.client_duration
        while True:
            try:
                statement_ms, client_ms = pop()
            except IndexError:
                return
            if statement_ms >= 0:  # a failed statement is not counted (executor.drive_* neither)
                self.datasource_queries += 1
                ds.counts[bisect_left(BUCKETS, statement_ms)] += 1
                ds.sum += statement_ms
                ds.count += 1
            self.client_finished_count += 1
            self.client_queries += 1
            cl.counts[bisect_left(BUCKETS, client_ms)] += 1
            cl.sum += client_ms
            cl.count += 1

    def client_started(self) -> None:
        next(self._started)

    def client_finished(self, ms: float) -> None:
        with self.lock:
            self.client_finished_count += 1
            self.client_queries += 1
            self.client_duration.observe(ms)

    def statement(self, ms: float) -> None:
        with self.lock:
            self.datasource_queries += 1
            self.datasource_duration.observe(ms)


METRICS = QueryMetrics()
FOLD_AT = 4096
# For the fast path's hot loop: `next(STARTED)` when a query starts, `SINGLES.append(...)` when it ends,
# then `if len(SINGLES) > FOLD_AT: fold()`.
STARTED = METRICS._started  # pyright: ignore[reportPrivateUsage]
SINGLES = METRICS.singles


def fold() -> None:
    with METRICS.lock:
        METRICS.fold_singles()

_DESCRIPTIONS = {
    'prisma_client_queries_total': 'Total number of Prisma Client queries executed',
    'prisma_datasource_queries_total': 'Total number of datasource queries executed',
    'prisma_client_queries_active': 'Number of currently active Prisma Client queries',
    'prisma_pool_connections_open': 'Number of currently open pool connections',
    'prisma_pool_connections_busy': 'Number of currently busy pool connections (executing a datasource query)',
    'prisma_pool_connections_idle': 'Number of currently unused pool connections (waiting for the next pool query to run)',
    'prisma_client_queries_duration_histogram_ms': 'Histogram of the duration of all executed Prisma Client queries in ms',
    'prisma_datasource_queries_duration_histogram_ms': 'Histogram of the duration of all executed datasource queries in ms',
}


def snapshot(pool: Optional[Any], global_labels: Optional[Dict[str, str]]) -> Dict[str, Any]:
    """The metrics in Prisma's JSON shape (counters, gauges, histograms)."""
    labels = dict(global_labels or {})
    m = METRICS
    with m.lock:
        m.fold_singles()
        counters = [('prisma_client_queries_total', m.client_queries),
                    ('prisma_datasource_queries_total', m.datasource_queries)]
        active = m.client_active
        hists = [('prisma_client_queries_duration_histogram_ms', _hist_copy(m.client_duration)),
                 ('prisma_datasource_queries_duration_histogram_ms', _hist_copy(m.datasource_duration))]
    open_, idle = _pool_state(pool)
    gauges = [('prisma_client_queries_active', float(active)), ('prisma_pool_connections_open', float(open_)),
              ('prisma_pool_connections_busy', float(max(open_ - idle, 0))), ('prisma_pool_connections_idle', float(idle))]

    def metric(key: str, value: Any) -> Dict[str, Any]:
        return {'key': key, 'value': value, 'labels': dict(labels), 'description': _DESCRIPTIONS[key]}

    return {
        'counters': [metric(k, v) for k, v in counters],
        'gauges': [metric(k, v) for k, v in gauges],
        'histograms': [metric(k, {'sum': h[1], 'count': h[2], 'buckets': [[b, c] for b, c in zip(BUCKETS, h[0])]})
                       for k, h in hists],
    }


def _hist_copy(h: Histogram) -> Tuple[List[int], float, int]:
    # JSON buckets are per bucket (not cumulative), like the engine's; values above the last bound
    # are only in `count` / `sum`.
    return list(h.counts[:len(BUCKETS)]), h.sum, h.count


def _pool_state(pool: Optional[Any]) -> Tuple[int, int]:
    if pool is None:
        return 0, 0
    total = getattr(pool, 'total', 0)
    idle = getattr(pool, 'idle', [])
    try:
        return int(total), len(idle)
    except TypeError:
        return int(total), 0


def prometheus(data: Dict[str, Any]) -> str:
    """The JSON snapshot in Prometheus' text exposition format."""
    out: List[str] = []

    def labels_text(labels: Dict[str, str], extra: Optional[Tuple[str, str]] = None) -> str:
        items = list(labels.items()) + ([extra] if extra else [])
        if not items:
            return ''
        return '{' + ','.join(f'{k}="{_escape(str(v))}"' for k, v in items) + '}'

    for kind, section in (('counter', 'counters'), ('gauge', 'gauges')):
        for m in data[section]:
            out.append(f'# HELP {m["key"]} {m["description"]}')
            out.append(f'# TYPE {m["key"]} {kind}')
            out.append(f'{m["key"]}{labels_text(m["labels"])} {_num(m["value"])}')
            out.append('')
    for m in data['histograms']:
        key, h = m['key'], m['value']
        out.append(f'# HELP {key} {m["description"]}')
        out.append(f'# TYPE {key} histogram')
        running = 0
        for bound, count in h['buckets']:
            running += count
            out.append(f'{key}_bucket{labels_text(m["labels"], ("le", _num(bound)))} {running}')
        out.append(f'{key}_bucket{labels_text(m["labels"], ("le", "+Inf"))} {h["count"]}')
        out.append(f'{key}_sum{labels_text(m["labels"])} {_num(h["sum"])}')
        out.append(f'{key}_count{labels_text(m["labels"])} {h["count"]}')
        out.append('')
    return '\n'.join(out)


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _escape(v: str) -> str:
    return v.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
