# typing for annotations: reprs, subscription, substitution, get_origin/get_args, get_type_hints,
# NamedTuple, TypedDict, Protocol, overload, cast, NewType and the errors of misuse.
import typing
from typing import *
print(Any, Optional[int], Union[int, str], Union[int, None], Union[int, str, None], Union[int])
print(List, List[int], Dict[str, int], Tuple[int, ...], Tuple[()], Tuple[int, str], Set[bytes], FrozenSet[int], Type[int])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
T = TypeVar('T'); S = TypeVar('S', bound=int); U = TypeVar('U', int, str); C = TypeVar('C', covariant=True); K = TypeVar('K', contravariant=True)
print(T, S, U, C, K, T.__name__, S.__bound__, U.__constraints__, T.__module__)
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Box.__parameters__, Box[int].__origin__, Box(3).v, Box[int](4).v)
print(List[T][int], Dict[str, T][bytes], get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[str]))
print(get_args(Callable[[int], str]), get_origin(int), get_args(int))
print(isinstance([], List), issubclass(list, List), List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
try: isinstance([], List[int])
except TypeError as e: print("TypeError:", e)
try: isinstance(1, Any)
except TypeError as e: print("TypeError:", e)
def f(a: int, b: "str" = "x", c: Optional["Box[int]"] = None) -> List[int]: return [a]
print(get_type_hints(f))
class P(NamedTuple):
    x: int
    y: float = 0.5
p = P(1)
print(p, P._fields, P.__annotations__, p._replace(y=2), P._field_defaults, isinstance(p, tuple))
Q = NamedTuple('Q', [('a', int), ('b', str)])
print(Q(1, 'z'), Q.__annotations__)
class Movie(TypedDict):
    title: str
    year: int
class Partial(TypedDict, total=False):
    extra: str
m = Movie(title="x", year=1999)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__), Partial.__total__, sorted(Partial.__optional_keys__), is_typeddict(Movie))
TD = TypedDict('TD', {'a': int})
print(TD(a=1), TD.__annotations__)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable), isinstance(3, SupportsInt), isinstance("", SupportsInt))
class NotRT(Protocol):
    def x(self): ...
try: isinstance(1, NotRT)
except TypeError as e: print("TypeError:", e)
try: NotRT()
except TypeError as e: print("TypeError:", e)
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(3), len(get_overloads(g)))
try: overload(lambda: 0)()
except NotImplementedError as e: print("NotImplementedError:", e)
print(cast(int, "s"), cast("List[int]", 5), TYPE_CHECKING)
UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__)
print(Literal[1, 2, "a"], Literal[1] == Literal[1], ClassVar[int], Final[str], Annotated[int, "meta"], get_args(Annotated[int, "m", 2]))
print(AnyStr, Text, typing.Iterable[int], typing.Mapping[str, int], typing.Sequence[T][int], typing.Iterator, typing.Generator[int, None, None])
try: Union[()]
except TypeError as e: print("TypeError:", e)
try: List[int, str]
except TypeError as e: print("TypeError:", e)
try: Generic[int]
except TypeError as e: print("TypeError:", e)
try: Callable[int]
except TypeError as e: print("TypeError:", e)
try: Optional[int, str]
except TypeError as e: print("TypeError:", e)
try: 
    class Bad(Generic): pass
except TypeError as e: print("TypeError:", e)
try: Any()
except TypeError as e: print("TypeError:", e)
try: Union()
except TypeError as e: print("TypeError:", e)
class Pair(Generic[T, S]):
    pass
print(Pair[int, bool], Pair.__orig_bases__ if hasattr(Pair, '__orig_bases__') else None, Pair.__mro__)
class IntBox(Box[int]): pass
print(IntBox.__orig_bases__, IntBox.__parameters__, IntBox.__mro__)
print(repr(ForwardRef("X")), get_type_hints(Box.__init__))
class Node:
    nxt: "Optional[Node]"
    val: int
print(get_type_hints(Node))
print(List.__name__ if hasattr(List, '__name__') else '', Dict._name)
