// Chapter 03, iterators and generators: the for loop unrolled into iter/next/StopIteration,
// generator functions and expressions and what they cost in memory, and itertools' islice,
// chain, takewhile and cycle on infinite generators.
// Run: node scripts/chapters/03-iterators-and-generators.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md } from './chapter.mjs';

await buildChapter('03-iterators-and-generators.ipynb', [
  md(`
    # Iterators and generators

    A list holds all its items in memory at once. Often a program only needs them one at a time:
    to sum them, to filter them, to stop at the first that matches. Iterators give items one by
    one, and generators make iterators that compute each item only when it is asked for, so a
    sequence of a billion numbers can cost a few hundred bytes.

    Every code cell of this chapter starts with \`# confirmed\`: real CPython 3.11 prints the same
    output, and the project's tests run each of these cells on \`python3\` to make sure.
  `),
  md(`
    ## The for loop, unrolled

    \`for item in thing:\` works on anything *iterable*. Python asks the object for an iterator with
    \`iter(thing)\`, then calls \`next()\` on that iterator until it raises \`StopIteration\`. Written
    out by hand, with the same body, the loop becomes:
  `),
  confirmed(`
    def do_work(item):
        print("working on", item)

    data = ["a", "b", "c"]
    for i in data:
        do_work(i)

    print("--- the same loop, by hand")
    data_iterator = iter(data)
    while True:
        try:
            i = next(data_iterator)
        except StopIteration:
            break
        else:
            do_work(i)
  `),
  md(`
    An iterator is used up once it has given its last item: it keeps raising \`StopIteration\`.
    The list itself can hand out as many fresh iterators as you like:
  `),
  confirmed(`
    it = iter([1, 2])
    print(next(it), next(it), next(it, "exhausted"))
    print(iter(it) is it, list(it))
    print(list(iter(data)), list(iter(data)))
  `),
  md(`
    ## Generators

    A function that contains \`yield\` is a *generator function*. Calling it runs nothing: it returns
    a generator object, an iterator that holds the function's frame, suspended. Each \`next()\`
    resumes the frame until the next \`yield\`, whose value is the item; returning from the function
    raises \`StopIteration\`.
  `),
  confirmed(`
    def countdown(n):
        print("starting")
        while n > 0:
            yield n
            n -= 1
        print("done")

    gen = countdown(3)
    print("nothing ran yet:", gen.gi_frame.f_locals)
    print(next(gen))
    print("paused at a yield:", gen.gi_suspended, gen.gi_frame.f_locals)
    print(list(gen))
    print("finished, frame released:", gen.gi_frame)
  `),
  md(`
    The Fibonacci numbers, endlessly: the generator never ends, and nothing is computed until a
    consumer asks.
  `),
  confirmed(`
    def fibonacci():
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b

    numbers = fibonacci()
    print([next(numbers) for _ in range(12)])
  `),
  md(`
    ## What laziness saves

    A list comprehension builds every item before the first is used. A generator expression (the
    same syntax in parentheses) builds a generator instead: its size does not depend on how many
    items it will give. The list of a million squares holds a million pointers (and a million int
    objects); the generator is a couple of hundred bytes whatever the count:
  `),
  confirmed(`
    import sys
    squares_list = [n * n for n in range(1_000_000)]
    squares_gen = (n * n for n in range(1_000_000))
    print(sys.getsizeof(squares_list), sys.getsizeof(squares_gen))
    print(sum(squares_list) == sum(squares_gen))
    del squares_list
  `),
  md(`
    The same holds for the built-in lazy objects: \`range\`, \`map\`, \`filter\`, \`zip\` and
    \`enumerate\` keep only their position, not their items.
  `),
  confirmed(`
    import sys
    for lazy in (range(10**9), map(abs, range(10**9)), zip("ab", "cd"), enumerate("abc")):
        print(f"{type(lazy).__name__:10} {sys.getsizeof(lazy)} bytes")
  `),
  md(`
    ## itertools

    The \`itertools\` module builds iterators out of iterators, all lazily. Four of them from the
    note:

    | function | what it does |
    |---|---|
    | \`islice(it, stop)\` / \`islice(it, start, stop, step)\` | slices an iterator, even an infinite one |
    | \`chain(a, b, ...)\` | gives the items of several iterables, one after the other |
    | \`takewhile(pred, it)\` | stops at the first item for which \`pred\` is false |
    | \`cycle(it)\` | repeats a finite iterable forever (it keeps a copy of the items it has seen) |
  `),
  confirmed(`
    from itertools import chain, cycle, islice, takewhile

    print(list(islice(fibonacci(), 10, 15)))
    print(list(chain("ab", [1, 2], range(3))))
    print(list(takewhile(lambda n: n < 100, fibonacci())))
    print(list(islice(cycle("RGB"), 7)))
  `),
  md(`
    Chained together they form a pipeline through which one item at a time flows: here the even
    Fibonacci numbers below a million, and only the first five of them, without building any list
    until the end:
  `),
  confirmed(`
    from itertools import islice, takewhile

    below_a_million = takewhile(lambda n: n < 1_000_000, fibonacci())
    evens = (n for n in below_a_million if n % 2 == 0)
    print(list(islice(evens, 5)))
    print(next(evens), "is the next one; the pipeline resumed where it stopped")
  `),
  md(`
    A generator's frame stays alive as long as the generator does, and with it every object the
    frame refers to. Closing it (or dropping the last reference) ends the frame: \`close()\` raises
    \`GeneratorExit\` at the paused \`yield\`, so \`finally\` blocks run.
  `),
  confirmed(`
    def reader():
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            print("cleanup runs")

    r = reader()
    print(next(r), next(r))
    r.close()
    print(r.gi_frame, next(r, "closed"))
  `),
]);
