import json
from collections import OrderedDict
data = {"name": "Zoë", "n": [1, 2.5, -0.0, 1e16, 1e-7, 3.141592653589793, 10**20], "ok": True,
        "none": None, "nested": {"a": [], "b": {}, "c": [[1], {"x": "y"}]}, "t": (1, 2),
        "esc": "quote\" back\\ nl\n tab\t ctl\x01 \u2028 😀"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent="\t", separators=(",", "=")))
print(json.dumps([1, [2, []], {}], indent=0))
print(json.dumps({3: 1, 1.5: 2, True: 3, None: 4, "s": 5}))
print(json.dumps({(1, 2): 1, "a": 2}, skipkeys=True))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]))
for bad in [{(1,): 2}, {1, 2}, float("nan")]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError", e)
print(json.dumps({1, 2}, default=sorted), json.dumps("é", ensure_ascii=True), json.dumps("x"))
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=SetEncoder), SetEncoder(indent=1).encode([1]))
print(list(json.JSONEncoder().iterencode({"a": [1, 2]})))
text = '{"a": [1, 2.0, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00\\n"], "b": {"c": 1E+2}}'
print(json.loads(text), json.loads(text.encode()), json.loads(text.encode("utf-16")))
print(json.loads('[NaN, Infinity, -Infinity, 12345678901234567890, 0, -0, -0.0]'))
print(json.loads(text, object_hook=lambda d: sorted(d)), json.loads(text, object_pairs_hook=OrderedDict))
print(json.loads("[1.5, 2]", parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads("[NaN]", parse_constant=lambda c: c.lower()), json.loads(' \n "x" \t'))
print(json.loads('"a\tb"', strict=False), json.JSONDecoder().raw_decode('[1] xx'))
for bad in ['', ' ', '[1,]', '{"a" 1}', '{"a": 1,}', '{a: 1}', '[1 2]', '{"a": 1 "b"}', '"abc',
            '"a\\qb"', '"\\u12"', '"a\nb"', '[1] x', 'nul', '{', '[', '\ufeff1', '01', '-', '1.',
            '{"a":1}\n\n  }', '[1, 2, 3,\n 4,, 5]', '"\\']:
    try:
        print(repr(bad), json.loads(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), "JSONDecodeError:", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(12)
except TypeError as e:
    print("TypeError", e)
class Buf:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def read(self): return "".join(self.parts)
b = Buf()
json.dump({"k": [1, 2]}, b, indent=1)
print(b.read(), json.load(b), issubclass(json.JSONDecodeError, ValueError))
print(list(json.JSONEncoder(indent=2).iterencode({"a": [1, {"b": None}], "c": "d"})))
try:
    json.dumps([float("inf")], allow_nan=False, indent=1)
except ValueError as e:
    print("ValueError", e)
print(json.dumps({"b": 1, "a": [True, None]}, sort_keys=True, separators=(",", ":")))
