print("start")
def f():
    x = (1 +
