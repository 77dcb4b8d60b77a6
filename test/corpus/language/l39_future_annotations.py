# PEP 563: with from __future__ import annotations every annotation is kept as its source text.
from __future__ import annotations
import typing
from typing import Optional, List, Dict, Callable, get_type_hints
count: int = 0
names: List[str]
def scale(v: float, by: "float" = 2.0, *args: int, key: Optional[str] = None, **kw: Dict[str, int]) -> list[float]:
    return [v * by]
print(scale.__annotations__)
print(get_type_hints(scale))
class Account:
    owner: str
    balance: float = 0.0
    history: List[float]
    parent: Optional[Account] = None
    def deposit(self, amount: float) -> Account:
        return self
print(Account.__annotations__)
print(get_type_hints(Account))
print(get_type_hints(Account.deposit))
print(__annotations__)
Handler = Callable[[int, str], bool]
def register(h: Handler) -> None:
    pass
print(get_type_hints(register), typing.get_args(Handler), typing.get_origin(Handler) is not None)
def no_ann(x, y=1):
    return x
print(no_ann.__annotations__, get_type_hints(no_ann))
class Sub(Account):
    extra: int
print(list(get_type_hints(Sub)))
lam = lambda x: x
print(lam.__annotations__, typing.TYPE_CHECKING)
if typing.TYPE_CHECKING:
    print("never")
