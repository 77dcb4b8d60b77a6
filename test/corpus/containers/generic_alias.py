def f(x: list[int]) -> dict[str, int]:
    return {}
print(list[int], dict[str, int], tuple[int, ...], set[()], frozenset[list[str]])
print(list[int]("ab"), list[int] == list[int], f.__annotations__ if hasattr(f, "__annotations__") else None)
from collections import deque
print(deque[int])
