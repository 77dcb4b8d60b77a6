"""Disassembler of Python byte code into mnemonics.

The engine's compiler emits CPython 3.11's instructions; this module lays them out in 3.11's
code units (each specializable instruction followed by its inline caches, jumps as relative
code-unit distances) so offsets and listings read as CPython's do.
"""

import sys
import collections
import types
import _disbridge

from opcode import *
from opcode import __all__ as _opcodes_all
from opcode import _nb_ops, _inline_cache_entries

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

_have_code = (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)

FORMAT_VALUE = opmap['FORMAT_VALUE']
FORMAT_VALUE_CONVERTERS = (
    (None, ''),
    (str, 'str'),
    (repr, 'repr'),
    (ascii, 'ascii'),
)
MAKE_FUNCTION = opmap['MAKE_FUNCTION']
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')
LOAD_CONST = opmap['LOAD_CONST']
LOAD_GLOBAL = opmap['LOAD_GLOBAL']
BINARY_OP = opmap['BINARY_OP']
CACHE = opmap["CACHE"]

class _Unknown:
    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()

_BACKWARD = {opmap[name] for name in opname if 'BACKWARD' in name}

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

Positions = collections.namedtuple(
    'Positions',
    ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4
)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
     'is_jump_target', 'positions'],
    defaults=[None]
)

_ExceptionTableEntry = collections.namedtuple("_ExceptionTableEntry",
                                              "start end target depth lasti")


class Instruction(_Instruction):
    """Details for a bytecode operation."""

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """Format instruction details for inclusion in disassembly output."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(("%%%dd" % lineno_width) % self.starts_line)
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


class _Layout:
    """A code object's instructions placed in 3.11 code units."""

    def __init__(self, code):
        self.code = code
        self.rows = _disbridge.instructions(code)
        self.names = code.co_names
        self.consts = code.co_consts
        self.localsplus = _disbridge.localsplusnames(code)
        # offsets: an instruction takes its EXTENDED_ARG prefixes, itself and its caches
        self.offsets = []
        offset = 0
        for op, arg, *_ in self.rows:
            self.offsets.append(offset)
            offset += 2 * (1 + _inline_cache_entries[op])
        self.size = offset
        self.offsets.append(offset)
        self.exception_entries = [
            _ExceptionTableEntry(self.offsets[s], self.offsets[e], self.offsets[t], d, l)
            for s, e, t, d, l in _disbridge.exception_table(code)]

    def oparg(self, index):
        """The oparg CPython stores: jumps as code units from the instruction after the
        caches to the target (backwards for the BACKWARD forms)."""
        op, arg = self.rows[index][0], self.rows[index][1]
        if op not in hasjrel:
            return arg
        after = self.offsets[index] // 2 + 1 + _inline_cache_entries[op]
        target = self.offsets[arg] // 2
        return after - target if op in _BACKWARD else target - after

    def linestarts(self):
        starts = {}
        last = None
        for i, row in enumerate(self.rows):
            line = row[2]
            if line is not None and line != last:
                last = line
                starts[self.offsets[i]] = line
        return starts

    def labels(self):
        found = set()
        for i, row in enumerate(self.rows):
            if row[0] in hasjrel:
                found.add(self.offsets[row[1]])
        for entry in self.exception_entries:
            found.add(entry.target)
        return found

    def instructions(self, show_caches=False, line_offset=0):
        starts = self.linestarts()
        labels = self.labels()
        for i, (op, arg, line, end_line, col, end_col) in enumerate(self.rows):
            offset = self.offsets[i]
            starts_line = starts.get(offset)
            if starts_line is not None:
                starts_line += line_offset
            positions = Positions(line, end_line, col, end_col)
            if op < HAVE_ARGUMENT:
                argval, argrepr, shown = None, '', None
            else:
                shown = self.oparg(i)
                argval, argrepr = self._describe(op, arg, shown, offset, i)
            yield Instruction(opname[op], op, shown, argval, argrepr, offset, starts_line,
                              offset in labels, positions)
            if show_caches:
                for k in range(_inline_cache_entries[op]):
                    yield Instruction("CACHE", CACHE, 0, None, '', offset + 2 * (k + 1), None,
                                      False, positions)

    def _describe(self, op, arg, shown, offset, index):
        if op in hasconst:
            # only LOAD_CONST's constant is known to dis (KW_NAMES keeps its tuple unshown)
            if op != LOAD_CONST:
                return UNKNOWN, ''
            value = self.consts[arg]
            return value, repr(value)
        if op in hasname:
            if op == LOAD_GLOBAL:
                name = self.names[arg >> 1]
                return name, ("NULL + " + name) if arg & 1 else name
            return self.names[arg], self.names[arg]
        if op in hasjrel:
            target = self.offsets[arg]
            return target, "to " + repr(target)
        if op in haslocal or op in hasfree:
            name = self.localsplus[arg]
            return name, name
        if op in hascompare:
            return cmp_op[arg], cmp_op[arg]
        if op == FORMAT_VALUE:
            func, text = FORMAT_VALUE_CONVERTERS[arg & 0x3]
            with_format = bool(arg & 0x4)
            if with_format:
                text = text + ', with format' if text else 'with format'
            return (func, with_format), text
        if op == MAKE_FUNCTION:
            return arg, ', '.join(s for i, s in enumerate(MAKE_FUNCTION_FLAGS) if arg & (1 << i))
        if op == BINARY_OP:
            return arg, _nb_ops[arg][1]
        return arg, ''


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code') or isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def _try_compile(source, name):
    """Attempts to compile the given source, first as an expression and
       then as a statement if the first approach fails."""
    try:
        c = compile(source, name, 'eval')
    except SyntaxError:
        c = compile(source, name, 'exec')
    return c


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source."""
    return iter(_Layout(code).linestarts().items())


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets."""
    layout = _Layout(code)
    return sorted({layout.offsets[row[1]] for row in layout.rows if row[0] in hasjrel})


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code."""
    co = _get_code_object(x)
    line_offset = first_line - co.co_firstlineno if first_line is not None else 0
    return _Layout(co).instructions(show_caches, line_offset)


def _disassemble_layout(layout, lasti=-1, *, file=None, line_offset=0, show_caches=False):
    starts = layout.linestarts()
    if starts:
        maxlineno = max(starts.values()) + line_offset
        lineno_width = len(str(maxlineno)) if maxlineno >= 1000 else 3
    else:
        lineno_width = 0
    maxoffset = layout.size - 2
    offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
    for instr in layout.instructions(show_caches, line_offset):
        if starts and instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width), file=file)
    if layout.exception_entries:
        print("ExceptionTable:", file=file)
        for entry in layout.exception_entries:
            lasti_text = " lasti" if entry.lasti else ""
            print(f"  {entry.start} to {entry.end - 2} -> {entry.target} [{entry.depth}]{lasti_text}",
                  file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _disassemble_layout(_Layout(co), lasti, file=file, show_caches=show_caches)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False, adaptive=False):
    disassemble(co, file=file, show_caches=show_caches)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code') or isinstance(x, types.CodeType):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects."""
    if x is None:
        distb(file=file, show_caches=show_caches)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__') and not isinstance(x, types.CodeType):
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth, show_caches=show_caches)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif isinstance(x, types.CodeType):
        _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, "<dis>"), file=file, depth=depth,
                               show_caches=show_caches)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    layout = _Layout(tb.tb_frame.f_code)
    lasti = layout.offsets[tb.tb_lasti // 2]
    _disassemble_layout(layout, lasti, file=file, show_caches=show_caches)


_COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(_COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    co = _get_code_object(x)
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction instances.
    """

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive
        self.exception_entries = _Layout(co).exception_entries

    def __iter__(self):
        return _Layout(self.codeobj).instructions(self.show_caches, self._line_offset)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """ Construct a Bytecode from the given traceback """
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti, show_caches=show_caches)

    def info(self):
        """Return formatted information about the code object."""
        return code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        import io
        output = io.StringIO()
        offset = self.current_offset if self.current_offset is not None else -1
        _disassemble_layout(_Layout(self.codeobj), offset, file=output,
                            line_offset=self._line_offset, show_caches=self.show_caches)
        return output.getvalue()
