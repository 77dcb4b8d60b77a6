# json: dumps options, loads of every type, round trips, errors with positions.
import json
data = {"name": "Zoë", "tags": ["a", "b"], "n": 3, "x": 1.5, "ok": True, "none": None, "nested": {"k": [1, {"z": []}]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
print(json.loads(s) == data, json.loads("[1, 2.0, -3e2, \"\\u00e9\", true, null]"), json.loads('"\\ud83d\\ude00"'))
print(json.dumps([1e100, 1e-7, 0.1, -0.0, 10**20]), json.dumps("tab\t\"q\"\\"), json.dumps({1: "int key", 2.5: "f", True: "b", None: "n"}))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps("é"), json.dumps(float("nan")), json.dumps(float("inf")))
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps(Pt(1, 2), default=lambda o: {"pt": [o.x, o.y]}))
print(json.loads('{"pt": [3, 4]}', object_hook=lambda d: Pt(*d["pt"]) if "pt" in d else d).y)
print(json.loads('{"a": 1, "a": 2}'), json.loads("3.0", parse_float=str), json.loads("7", parse_int=float), json.loads('[{"b":1}]', object_pairs_hook=list))
for bad in ['{"a": }', "[1, 2", "", "nul", '{"a" 1}', "[1,]", '"\\x"', "01", "1 2"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
for bad in [{(1, 2): 3}, set(), Pt(0, 0), b"x"]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
circ = []
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as e:
    print("ValueError:", e)
enc = json.JSONEncoder(sort_keys=True, indent=1)
print(enc.encode({"b": [1], "a": {}}), list(enc.iterencode([1, 2]))[:3])
print(json.loads(json.dumps(list(range(20)))) == list(range(20)), json.dumps("\u2028\x00\x1f"))
