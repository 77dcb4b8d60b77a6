"""Enumerations: Enum, IntEnum, Flag, IntFlag, auto and unique."""

import sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique']


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return any(hasattr(obj, a) for a in ('__get__', '__set__', '__delete__'))


def _is_private(cls_name, name):
    prefix = f'_{cls_name.lstrip("_")}__'
    return name.startswith(prefix) and not name.endswith('__')


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _pending = object()

    def __init__(self, value=_pending):
        self.value = value

    def __repr__(self):
        return f'auto({self.value!r})'


class _EnumDict(dict):
    """The class namespace that records member names in order and resolves auto()."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key == '_generate_next_value_':
                self._generate_next_value = value
        elif _is_dunder(key):
            pass
        elif key in self._member_names:
            raise TypeError(f'{key!r} already defined as {self[key]!r}')
        elif _is_descriptor(value):
            if key in self:
                raise TypeError(f'{key!r} already defined as {self[key]!r}')
        else:
            if key in self:
                raise TypeError(f'{key!r} already defined as {self[key]!r}')
            if isinstance(value, auto):
                if value.value is auto._pending:
                    gen = self._generate_next_value
                    value.value = gen(key, 1, len(self._member_names), self._last_values[:])
                value = value.value
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object or isinstance(base, EnumType):
                continue
            if '__new__' in base.__dict__ or '__init__' in base.__dict__ and base.__module__ != __name__:
                return base
    return object


class EnumType(type):
    """Metaclass for Enum"""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        for base in bases:
            gen = getattr(base, '_generate_next_value_', None)
            if gen is not None:
                enum_dict._generate_next_value = gen
                break
        return enum_dict

    def __new__(metacls, cls, bases, classdict, **kwds):
        member_names = list(classdict._member_names)
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f'{cls!r} cannot extend {base!r}')
        values = {name: dict.__getitem__(classdict, name) for name in member_names}
        body = {k: v for k, v in classdict.items() if k not in values}
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        member_type = _find_data_type(bases) if bases else object
        enum_class._member_type_ = member_type
        # Enum's own __new__ looks members up; only a subclass's __new__ creates them.
        custom_new = classdict.get('__new__') if Enum is not None else None
        if custom_new is None:
            for base in enum_class.__mro__[1:]:
                if '__new_member__' in base.__dict__:
                    custom_new = base.__dict__['__new_member__']
                    break
        if isinstance(custom_new, staticmethod):
            custom_new = custom_new.__func__
        enum_class.__new_member__ = custom_new
        if Enum is not None:
            # Lookups by value go through Enum.__new__, ahead of any mixed-in type's __new__;
            # the class's own __new__ only makes members.
            type.__setattr__(enum_class, '__new__', Enum.__dict__['__new__'])
        if bases:
            _choose_dunders(enum_class, bases, classdict, member_type)
        for name in member_names:
            _add_member(enum_class, name, values[name], member_type, custom_new)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        classdict = EnumType.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names, last = names, [], []
            for count, name in enumerate(original):
                value = classdict._generate_next_value(name, start, count, last[:])
                last.append(value)
                names.append((name, value))
        items = names.items() if isinstance(names, dict) else names
        for name, value in items:
            classdict[name] = value
        if module is None:
            module = sys._getframe(2).f_globals['__name__']
        classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return EnumType.__new__(EnumType, class_name, bases, classdict)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f'<flag {cls.__name__!r}>'
        return f'<enum {cls.__name__!r}>'

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError(f'{cls.__name__}: cannot delete Enum member.')
        super().__delattr__(name)


EnumMeta = EnumType
Enum = ReprEnum = Flag = None


def _choose_dunders(enum_class, bases, classdict, member_type):
    # A mixed-in data type sits before Enum in the MRO; its repr and friends must not win,
    # except str() and format() of ReprEnum subclasses, which are the data type's on purpose.
    if ReprEnum is not None and ReprEnum in bases:
        if '__format__' not in classdict:
            type.__setattr__(enum_class, '__format__', member_type.__format__)
            classdict['__format__'] = member_type.__format__
        if '__str__' not in classdict:
            method = member_type.__str__
            if method is object.__str__:
                method = member_type.__repr__
            type.__setattr__(enum_class, '__str__', method)
            classdict['__str__'] = method
    first_enum = bases[-1]
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name in classdict:
            continue
        found = getattr(enum_class, name)
        if found in (getattr(member_type, name), getattr(object, name)):
            type.__setattr__(enum_class, name, getattr(first_enum, name))


def _add_member(enum_class, name, value, member_type, custom_new):
    args = value if isinstance(value, tuple) else (value,)
    if member_type is tuple:
        args = (args,)
    if custom_new is not None:
        member = custom_new(enum_class, *args)
    elif member_type is object:
        member = object.__new__(enum_class)
    else:
        member = member_type.__new__(enum_class, *args)
    if not hasattr(member, '_value_'):
        member._value_ = value if member_type is object else member_type(*args)
    value = member._value_
    member._name_ = name
    member.__objclass__ = enum_class
    member.__init__(*args)
    member._sort_order_ = len(enum_class._member_names_)
    canonical = enum_class._value2member_map_.get(value) if _hashable(value) else None
    if canonical is None:
        for other in enum_class._member_map_.values():
            if other._value_ == value:
                canonical = other
                break
    if canonical is not None:
        member = canonical
    else:
        if Flag is None or not issubclass(enum_class, Flag) or _is_single_bit(value):
            enum_class._member_names_.append(name)
    enum_class._member_map_[name] = member
    if _hashable(value):
        enum_class._value2member_map_.setdefault(value, member)
    type.__setattr__(enum_class, name, member)


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


class Enum(metaclass=EnumType):
    """Generic enumeration."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        error = ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        if result is None:
            raise error
        raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} instead '
                        f'of None or a valid member')

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return last_values[-1] + 1
        except TypeError:
            raise TypeError(f'unable to sort non-numeric values') from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return f'<{self.__class__.__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{self.__class__.__name__}.{self._name_}'

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value'}
        names.update(n for n in self.__class__.__dict__ if not n.startswith('_'))
        return sorted(names)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_



class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """Support for bit flags."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values).bit_length()
        return 2 ** high

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        all_bits = 0
        for m in cls:
            all_bits |= m._value_
        if value & ~all_bits and cls._member_type_ is object:
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_]
        extra = value & ~all_bits
        if names:
            pseudo._name_ = '|'.join(names)
            if extra:
                pseudo._name_ += f'|{extra}'
        else:
            pseudo._name_ = None if not extra else str(extra)
        return cls._value2member_map_.setdefault(value, pseudo)

    def __iter__(self):
        return (m for m in self.__class__ if m._value_ & self._value_ == m._value_ and m._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{self.__class__.__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    def __invert__(self):
        all_bits = 0
        for m in self.__class__:
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags"""

    # int's operators come first in the MRO; a flag combined with a flag or int stays a flag.
    __or__ = __ror__ = Flag.__or__
    __and__ = __rand__ = Flag.__and__
    __xor__ = __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__



def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = [(name, member._name_) for name, member in enumeration.__members__.items()
                  if name != member._name_]
    if duplicates:
        details = ', '.join(f'{alias} -> {name}' for alias, name in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration
