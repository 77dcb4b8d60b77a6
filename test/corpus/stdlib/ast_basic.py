import ast
src = '''
"""Module doc."""
import os, sys as system
from .pkg import thing as other
def f(a, /, b: int = 2, *args, c, d=4, **kw) -> str:
    """  Function doc.

        More lines.
    """
    return f"{a!r:>{b}} {c}"
class K(Base, metaclass=M):
    x: int = 1
    async def g(self):
        async with a as b, c:
            await h()
for i in range(3):
    if i % 2 == 0 and not i or i > 1:
        continue
    else:
        break
while x < 1 <= y:
    x += 1; del z[1:2, ::3]
try:
    pass
except (E, F) as e:
    raise X from e
finally:
    y = [i * 2 for i in z if i] + {k: v for k, v in w} | {1, 2}
match cmd:
    case [1, *rest] | {"k": _, **more}:
        pass
    case Point(x=0) if q:
        lam = lambda x=1: (yield x)
s = b"x" + 1.5j - ...
'''
tree = ast.parse(src)
print(ast.dump(tree))
print(ast.dump(tree.body[3], indent=2))
print(ast.dump(ast.parse("x = 1", mode="exec"), include_attributes=True))
print(ast.dump(ast.parse("a + 2", mode="eval"), annotate_fields=False))
print(ast.get_docstring(tree), repr(ast.get_docstring(tree.body[3])), ast.get_docstring(tree.body[3], clean=False))
print(ast.literal_eval("[1, -2.5, (3+4j), {'a': (True, None)}, {1, 2}, set(), b'x', ...]"))
print(ast.literal_eval(" 1 - 2j"), ast.literal_eval(ast.parse("(1, 'x')", mode="eval")))
for bad in ["x", "1 + 2", "f()", "-'a'"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", str(e).split(":")[0])
print(ast.Name._fields, ast.Name._attributes, ast.Constant.kind, ast.expr.__subclasses__()[:3])
print(ast.BinOp.__mro__, issubclass(ast.Add, ast.operator), isinstance(tree, ast.mod))
n = ast.Name("x", ast.Load())
print(ast.dump(n), n.id, ast.Load() is ast.Load(), tree.body[0].value.kind)
print([type(x).__name__ for x in ast.walk(ast.parse("a.b(c, d=[e])"))])
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.parse("x", mode="eval").body)])
print([type(c).__name__ for c in ast.iter_child_nodes(tree.body[3])])
class Counter(ast.NodeVisitor):
    def __init__(self): self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)
c = Counter(); c.visit(tree); print(c.names)
class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
t = Doubler().visit(ast.parse("y = 1 + 2 * x"))
print(ast.dump(ast.fix_missing_locations(t), include_attributes=True))
e = ast.Expression(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)))
ast.fix_missing_locations(e)
print(e.body.lineno, e.body.col_offset, e.body.end_lineno, eval(compile("1+2", "<s>", "eval")))
tree2 = ast.parse("x = 'é' + y")
print(ast.get_source_segment("x = 'é' + y", tree2.body[0].value), tree2.body[0].value.right.col_offset)
try:
    ast.parse("x = = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    ast.dump(1)
except TypeError as e:
    print("TypeError", e)
print(ast.increment_lineno(ast.parse("x"), 3).body[0].lineno)
