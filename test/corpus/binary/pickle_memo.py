# Shared and recursive structures go through the memo: PUT/BINPUT/MEMOIZE and GET/BINGET.
import pickle

shared = [1, 2]
rec = []
rec.append(rec)
rd = {}
rd['self'] = rd
rt = ([],)
rt[0].append(rt)
s = 'text'
values = [[shared, shared, (shared,)], rec, rd, rt, [s, s, s], (s, s), {1: shared, 2: shared}]
for proto in range(6):
    for v in values:
        data = pickle.dumps(v, proto)
        print(proto, data)
        back = pickle.loads(data)
        if v is rec:
            print(' ', back[0] is back)
        elif v is rd:
            print(' ', back['self'] is back)
        elif v is rt:
            print(' ', back[0][0] is back)
        else:
            print(' ', back)
many = [[i] for i in range(300)]
data = pickle.dumps([many, many], 2)
print(len(data), data[-12:])
data = pickle.dumps([many, many], 1)
print(len(data), data[-12:])
data = pickle.dumps([many, many], 0)
print(len(data), data[-12:])
back = pickle.loads(pickle.dumps([many, many], 4))
print(back[0] is back[1], back[0][299])
p = pickle.Pickler
print(p.__name__)
