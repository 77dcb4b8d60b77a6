# typing's abstract aliases stand on collections.abc: origins and isinstance through them.
import typing, collections.abc
print(typing.get_origin(typing.Callable[[int], str]), typing.get_origin(typing.Iterable[int]))
print(typing.get_origin(typing.Mapping[str, int]) is collections.abc.Mapping)
print(isinstance([], typing.Sequence), isinstance({}, typing.Mapping), isinstance(iter([]), typing.Iterator))
print(issubclass(dict, typing.MutableMapping), issubclass(tuple, typing.MutableSequence))
print(typing.Sequence.__origin__, typing.AbstractSet.__origin__, typing.Hashable)
