"""opcode module - potentially shared between dis and other modules which
operate on bytecodes (e.g. peephole optimizers).

The numbers are CPython 3.11's, the ones the engine's compiler emits.
"""

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs"]

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

hasconst = []
hasname = []
hasjrel = []
hasjabs = []
haslocal = []
hascompare = []
hasfree = []
hasnargs = []

opmap = {}
opname = ['<%r>' % (op,) for op in range(256)]

# name, number, and the table the opcode's argument is read through
_OPCODES = """
CACHE 0; POP_TOP 1; PUSH_NULL 2; NOP 9; UNARY_POSITIVE 10; UNARY_NEGATIVE 11; UNARY_NOT 12;
UNARY_INVERT 15; BINARY_SUBSCR 25; GET_LEN 30; MATCH_MAPPING 31; MATCH_SEQUENCE 32; MATCH_KEYS 33;
PUSH_EXC_INFO 35; CHECK_EXC_MATCH 36; CHECK_EG_MATCH 37; WITH_EXCEPT_START 49; GET_AITER 50;
GET_ANEXT 51; BEFORE_ASYNC_WITH 52; BEFORE_WITH 53; END_ASYNC_FOR 54; STORE_SUBSCR 60;
DELETE_SUBSCR 61; GET_ITER 68; GET_YIELD_FROM_ITER 69; PRINT_EXPR 70; LOAD_BUILD_CLASS 71;
LOAD_ASSERTION_ERROR 74; RETURN_GENERATOR 75; LIST_TO_TUPLE 82; RETURN_VALUE 83; IMPORT_STAR 84;
SETUP_ANNOTATIONS 85; YIELD_VALUE 86; ASYNC_GEN_WRAP 87; PREP_RERAISE_STAR 88; POP_EXCEPT 89;
STORE_NAME 90 name; DELETE_NAME 91 name; UNPACK_SEQUENCE 92; FOR_ITER 93 jrel; UNPACK_EX 94;
STORE_ATTR 95 name; DELETE_ATTR 96 name; STORE_GLOBAL 97 name; DELETE_GLOBAL 98 name; SWAP 99;
LOAD_CONST 100 const; LOAD_NAME 101 name; BUILD_TUPLE 102; BUILD_LIST 103; BUILD_SET 104;
BUILD_MAP 105; LOAD_ATTR 106 name; COMPARE_OP 107 compare; IMPORT_NAME 108 name;
IMPORT_FROM 109 name; JUMP_FORWARD 110 jrel; JUMP_IF_FALSE_OR_POP 111 jrel;
JUMP_IF_TRUE_OR_POP 112 jrel; POP_JUMP_FORWARD_IF_FALSE 114 jrel; POP_JUMP_FORWARD_IF_TRUE 115 jrel;
LOAD_GLOBAL 116 name; IS_OP 117; CONTAINS_OP 118; RERAISE 119; COPY 120; BINARY_OP 122;
SEND 123 jrel; LOAD_FAST 124 local; STORE_FAST 125 local; DELETE_FAST 126 local;
POP_JUMP_FORWARD_IF_NOT_NONE 128 jrel; POP_JUMP_FORWARD_IF_NONE 129 jrel; RAISE_VARARGS 130;
GET_AWAITABLE 131; MAKE_FUNCTION 132; BUILD_SLICE 133; JUMP_BACKWARD_NO_INTERRUPT 134 jrel;
MAKE_CELL 135 free; LOAD_CLOSURE 136 free; LOAD_DEREF 137 free; STORE_DEREF 138 free;
DELETE_DEREF 139 free; JUMP_BACKWARD 140 jrel; CALL_FUNCTION_EX 142; EXTENDED_ARG 144;
LIST_APPEND 145; SET_ADD 146; MAP_ADD 147; LOAD_CLASSDEREF 148 free; COPY_FREE_VARS 149;
RESUME 151; MATCH_CLASS 152; FORMAT_VALUE 155; BUILD_CONST_KEY_MAP 156; BUILD_STRING 157;
LOAD_METHOD 160 name; LIST_EXTEND 162; SET_UPDATE 163; DICT_MERGE 164; DICT_UPDATE 165;
PRECALL 166; CALL 171; KW_NAMES 172 const; POP_JUMP_BACKWARD_IF_NOT_NONE 173 jrel;
POP_JUMP_BACKWARD_IF_NONE 174 jrel; POP_JUMP_BACKWARD_IF_FALSE 175 jrel;
POP_JUMP_BACKWARD_IF_TRUE 176 jrel
"""

_TABLES = {'name': hasname, 'const': hasconst, 'jrel': hasjrel, 'local': haslocal,
           'free': hasfree, 'compare': hascompare}

for _entry in _OPCODES.replace('\n', ' ').split(';'):
    _parts = _entry.split()
    _name, _op = _parts[0], int(_parts[1])
    opname[_op] = _name
    opmap[_name] = _op
    if len(_parts) > 2:
        _TABLES[_parts[2]].append(_op)
del _entry, _parts, _name, _op, _TABLES

HAVE_ARGUMENT = 90
EXTENDED_ARG = 144

# The oparg of BINARY_OP: the operator and its augmented form.
_nb_ops = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
]
_nb_ops += [("NB_INPLACE" + name[2:], sym + "=") for name, sym in list(_nb_ops)]

# Code units of inline cache that follow each specializable instruction.
_cache_format = {
    "LOAD_GLOBAL": 5, "BINARY_OP": 1, "UNPACK_SEQUENCE": 1, "COMPARE_OP": 2,
    "BINARY_SUBSCR": 4, "LOAD_ATTR": 4, "STORE_ATTR": 4, "LOAD_METHOD": 10,
    "CALL": 4, "PRECALL": 1, "STORE_SUBSCR": 1,
}
_inline_cache_entries = [_cache_format.get(name, 0) for name in opname]
