"""Python syntax trees: the node classes of CPython 3.11's ast module over the engine's parser.

Not supported: ast.unparse, type comments (type_comments=True parses as False does),
feature_version, and the deprecated Num/Str/Bytes/NameConstant/Ellipsis aliases.
"""

import _astbridge

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192


class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError("%s constructor takes at most %d positional argument%s"
                            % (type(self).__name__, len(fields), "" if len(fields) == 1 else "s"))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), dict(vars(self))


AST.__module__ = "ast"

_POSITIONS = ("lineno", "col_offset", "end_lineno", "end_col_offset")

# Abstract classes of Python.asdl and the concrete classes under each.
_KINDS = {
    "mod": ((), "Module Interactive Expression FunctionType"),
    "stmt": (_POSITIONS, "FunctionDef AsyncFunctionDef ClassDef Return Delete Assign AugAssign "
                         "AnnAssign For AsyncFor While If With AsyncWith Match Raise Try TryStar "
                         "Assert Import ImportFrom Global Nonlocal Expr Pass Break Continue"),
    "expr": (_POSITIONS, "BoolOp NamedExpr BinOp UnaryOp Lambda IfExp Dict Set ListComp SetComp "
                         "DictComp GeneratorExp Await Yield YieldFrom Compare Call FormattedValue "
                         "JoinedStr Constant Attribute Subscript Starred Name List Tuple Slice"),
    "expr_context": ((), "Load Store Del"),
    "boolop": ((), "And Or"),
    "operator": ((), "Add Sub Mult MatMult Div Mod Pow LShift RShift BitOr BitXor BitAnd FloorDiv"),
    "unaryop": ((), "Invert Not UAdd USub"),
    "cmpop": ((), "Eq NotEq Lt LtE Gt GtE Is IsNot In NotIn"),
    "excepthandler": (_POSITIONS, "ExceptHandler"),
    "pattern": (_POSITIONS, "MatchValue MatchSingleton MatchSequence MatchMapping MatchClass "
                            "MatchStar MatchAs MatchOr"),
    "type_ignore": ((), "TypeIgnore"),
    None: ((), "comprehension arguments arg keyword alias withitem match_case"),
}

_SHAPES = _astbridge.shapes()
_SHAPES.setdefault("FunctionType", (("argtypes", "returns"), (), ()))
_classes = {}
_singletons = {}


def _define(name, base, fields, attributes, optional):
    namespace = {"_fields": fields, "_attributes": attributes, "__module__": "ast"}
    for field in optional:
        namespace[field] = None
    if "end_lineno" in attributes:
        namespace["end_lineno"] = None
        namespace["end_col_offset"] = None
    cls = type(name, (base,), namespace)
    globals()[name] = cls
    _classes[name] = cls
    return cls


for _kind, (_attrs, _names) in _KINDS.items():
    _base = AST if _kind is None else _define(_kind, AST, (), _attrs, ())
    for _name in _names.split():
        _fields, _node_attrs, _optional = _SHAPES.get(_name, ((), (), ()))
        _define(_name, _base, tuple(_fields), tuple(_node_attrs), _optional)
        if not _fields and _kind in ("expr_context", "boolop", "operator", "unaryop", "cmpop"):
            _singletons[_name] = _classes[_name]()
del _kind, _attrs, _names, _base, _fields, _node_attrs, _optional, _name


def _build(value):
    if isinstance(value, list):
        return [_build(item) for item in value]
    if not isinstance(value, tuple):
        return value
    name, fields, attributes = value
    single = _singletons.get(name)
    if single is not None:
        return single
    cls = _classes[name]
    node = cls.__new__(cls)
    for field, item in zip(cls._fields, fields):
        setattr(node, field, _build(item))
    for attribute, item in zip(cls._attributes, attributes):
        setattr(node, attribute, item)
    return node


def parse(source, filename="<unknown>", mode="exec", *, type_comments=False,
          feature_version=None):
    if isinstance(source, AST):
        return source
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8")
    if not isinstance(filename, str):
        filename = str(filename)
    return _build(_astbridge.parse(source, filename, mode))


def _malformed(node):
    msg = "malformed node or string"
    line = getattr(node, "lineno", None)
    if line:
        msg += f" on line {line}"
    raise ValueError(msg + f": {node!r}")


def literal_eval(node_or_string):
    """The value of a literal expression: strings, bytes, numbers, tuples, lists, dicts, sets,
    booleans, None and Ellipsis, with + and - only where a complex literal needs them."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode="eval")
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def number(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float, complex):
            _malformed(node)
        return node.value

    def signed(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = number(node.operand)
            return +operand if isinstance(node.op, UAdd) else -operand
        return number(node)

    def convert(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple(map(convert, node.elts))
        if isinstance(node, List):
            return list(map(convert, node.elts))
        if isinstance(node, Set):
            return set(map(convert, node.elts))
        if (isinstance(node, Call) and isinstance(node.func, Name) and node.func.id == "set"
                and node.args == node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                _malformed(node)
            return dict(zip(map(convert, node.keys), map(convert, node.values)))
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = signed(node.left)
            right = number(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(node.op, Add) else left - right
        return signed(node)

    return convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """A string showing the tree under node; with indent, one field per line."""
    if not isinstance(node, AST):
        raise TypeError("expected AST, got %r" % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = " " * indent

    def field_text(name, cls, obj, level, out):
        """Appends name=value (or the value alone) unless the field is absent or a default None;
        returns (appended, simple)."""
        try:
            value = getattr(obj, name)
        except AttributeError:
            return False, True
        if value is None and getattr(cls, name, ...) is None:
            return False, True
        text, simple = render(value, level)
        out.append((name, text))
        return True, simple

    def render(value, level):
        if indent is not None:
            level += 1
            prefix = "\n" + indent * level
            sep = ",\n" + indent * level
        else:
            prefix = ""
            sep = ", "
        if isinstance(value, AST):
            cls = type(value)
            parts = []
            simple_all = True
            named = annotate_fields
            for name in value._fields:
                appended, simple = field_text(name, cls, value, level, parts)
                if not appended:
                    named = True
                    continue
                simple_all = simple_all and simple
                field, text = parts[-1]
                parts[-1] = "%s=%s" % (field, text) if named else text
            if include_attributes:
                for name in value._attributes:
                    appended, simple = field_text(name, cls, value, level, parts)
                    if appended:
                        simple_all = simple_all and simple
                        parts[-1] = "%s=%s" % parts[-1]
            if simple_all and len(parts) <= 3:
                return "%s(%s)" % (cls.__name__, ", ".join(parts)), not parts
            return "%s(%s%s)" % (cls.__name__, prefix, sep.join(parts)), False
        if isinstance(value, list):
            if not value:
                return "[]", True
            return "[%s%s]" % (prefix, sep.join(render(item, level)[0] for item in value)), False
        return repr(value), True

    return render(node, 0)[0]


def copy_location(new_node, old_node):
    for attr in _POSITIONS:
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (hasattr(old_node, attr) and attr.startswith("end_")):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    def fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if "lineno" in node._attributes:
            if not hasattr(node, "lineno"):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if "end_lineno" in node._attributes:
            if getattr(node, "end_lineno", None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if "col_offset" in node._attributes:
            if not hasattr(node, "col_offset"):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if "end_col_offset" in node._attributes:
            if getattr(node, "end_col_offset", None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            fix(child, lineno, col_offset, end_lineno, end_col_offset)

    fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, "lineno", 0) + n
            continue
        if "lineno" in child._attributes:
            child.lineno = getattr(child, "lineno", 0) + n
        if "end_lineno" in child._attributes and getattr(child, "end_lineno", 0) is not None:
            child.end_lineno = getattr(child, "end_lineno", 0) + n
    return node


def iter_fields(node):
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass


def iter_child_nodes(node):
    for _, field in iter_fields(node):
        if isinstance(field, AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    yield item


def _cleandoc(doc):
    """inspect.cleandoc: tabs expanded, the common indent of lines after the first removed,
    leading and trailing blank lines dropped."""
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def get_docstring(node, clean=True):
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    text = value.value
    return _cleandoc(text) if clean else text


def walk(node):
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


def get_source_segment(source, node, *, padded=False):
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        lineno = node.lineno - 1
        end_lineno = node.end_lineno - 1
        col_offset = node.col_offset
        end_col_offset = node.end_col_offset
    except AttributeError:
        return None
    lines = source.splitlines(True)
    if end_lineno == lineno:
        return lines[lineno].encode()[col_offset:end_col_offset].decode()
    padding = " " * len(lines[lineno].encode()[:col_offset].decode()) if padded else ""
    first = padding + lines[lineno].encode()[col_offset:].decode()
    last = lines[end_lineno].encode()[:end_col_offset].decode()
    return "".join([first] + lines[lineno + 1:end_lineno] + [last])


class NodeVisitor:
    """Calls visit_<ClassName> for each node, or generic_visit where there is none."""

    def visit(self, node):
        visitor = getattr(self, "visit_" + node.__class__.__name__, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for _, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    """A visitor whose visit methods return the replacement node (None removes it; a list
    inserts several in a list field)."""

    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        if not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node
