for f in [lambda: "a".upper(1), lambda: [].append(), lambda: len(), lambda: str.upper("a", 2), lambda: [].append(x=1), lambda: {}.keys(1)]:
    try: f()
    except TypeError as e: print(e)
