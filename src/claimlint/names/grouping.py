"""Join keys that stand for one thing: a union-find over buckets, so only keys that
share a bucket (a sound key, a metaphone, a one-letter deletion) are ever compared and
the work stays near-linear in the number of keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def group_alike(
    keys: Sequence[K], buckets_of: Callable[[K], Iterable[str]], same: Callable[[K, K], bool]
) -> list[list[K]]:
    """`keys` in groups: two keys are joined when they share a bucket and `same` holds."""
    parent: dict[K, K] = {k: k for k in keys}

    def find(k: K) -> K:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    buckets: dict[str, list[K]] = defaultdict(list)
    for key in keys:
        for bucket in buckets_of(key):
            buckets[bucket].append(key)
    for bucket_keys in buckets.values():
        for i, a in enumerate(bucket_keys):
            for b in bucket_keys[i + 1 :]:
                if find(a) != find(b) and same(a, b):
                    parent[find(a)] = find(b)
    groups: dict[K, list[K]] = defaultdict(list)
    for key in keys:
        groups[find(key)].append(key)
    return list(groups.values())


def one_deletions(word: str) -> Iterable[str]:
    """The word less one letter, each way: words one slip apart share one of these."""
    return (word[:i] + word[i + 1 :] for i in range(len(word)))
