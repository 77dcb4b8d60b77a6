// Chapter 08, zero-copy and the buffer protocol: memory_profiler's line reports of a slice that
// copies and a memoryview that does not, a send loop without copies, readinto at an offset, and
// array and struct working on shared buffers.
// Run: node scripts/chapters/08-zero-copy-and-buffers.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated } from './chapter.mjs';

const RSS = "the simulated process's resident memory, line by line";

await buildChapter('08-zero-copy-and-buffers.ipynb', [
  md(`
    # Zero-copy and the buffer protocol

    Programs that move data around (files, sockets, images, network packets) often spend more
    memory and time *copying* bytes than using them. Slicing a \`bytes\` object copies the slice.
    A C programmer would pass a pointer and a length instead; Python's version of that is the
    **buffer protocol**: an object such as \`bytes\`, \`bytearray\`, \`array.array\` or \`mmap\`
    lends out its memory, and a \`memoryview\` reads and slices that memory in place.

    Cells that start with \`# confirmed\` print on the real CPython 3.11 exactly what is stored
    here (the project's tests re-run them on \`python3\`). Cells that start with \`# simulated\`
    show the kernel's memory reports: resident set sizes of the simulated process, and pictures
    of where a view's bytes are.
  `),
  md(`
    ## A slice copies: memory_profiler's line report

    The note's first program reads 10 MB of random bytes, drops the first kilobyte and writes the
    rest to \`/dev/null\`. memory_profiler's \`@profile\` prints the resident memory after each line;
    in the kernel the \`%mprun\` magic gives the same report for a function defined in a cell:
  `),
  simulated(RSS, `
    def read_random():
        with open("/dev/urandom", "rb") as source:
            content = source.read(1024 * 10000)
            content_to_write = content[1024:]
        print(f"content length: {len(content)}, content to write length {len(content_to_write)}")
        with open("/dev/null", "wb") as target:
            target.write(content_to_write)

    %mprun -f read_random read_random()
  `),
  md(`
    Reading costs about 9.8 MiB (10,240,000 bytes), as expected. The slice \`content[1024:]\` costs
    as much again: it is a new \`bytes\` object holding a copy of all but the first kilobyte. The
    note measured the same two steps of 9.797 MiB on a real machine.

    ## A memoryview slice does not

    A \`memoryview\` of \`content\` points at its bytes; slicing the view gives another view of the
    same memory, with a different start and length. Nothing is copied:
  `),
  simulated(RSS, `
    def read_random_view():
        with open("/dev/urandom", "rb") as source:
            content = source.read(1024 * 10000)
            content_to_write = memoryview(content)[1024:]
        print(f"content length: {len(content)}, content to write length {len(content_to_write)}")
        with open("/dev/null", "wb") as target:
            target.write(content_to_write)

    %mprun -f read_random_view read_random_view()
  `),
  md(`
    The slice line now adds nothing, and the function ends about 10 MiB lower than the first version. The
    sizes tell the same story without a profiler: the copy is a 10 MB object, the view a
    fixed-size header that remembers its exporter:
  `),
  confirmed(`
    import sys
    content = bytes(1024 * 10000)
    copy = content[1024:]
    view = memoryview(content)[1024:]
    print("copy:", len(copy), "bytes long,", sys.getsizeof(copy), "bytes in memory")
    print("view:", len(view), "bytes long,", sys.getsizeof(view), "bytes in memory")
    print("the view's exporter is content:", view.obj is content)
  `),
  md(`
    The note's small example: indexing a view gives the byte as an int (98 is \`b\`), slicing gives
    a view, and \`bytes()\` makes a copy when one is really wanted. A view of a \`bytearray\` is
    writable, and writes go to the array itself:
  `),
  confirmed(`
    s = b"abcdefgh"
    view = memoryview(s)
    print(view[1], type(view[1:3]).__name__, bytes(view[1:3]))

    data = bytearray(b"abcdefgh")
    middle = memoryview(data)[2:6]
    middle[:] = b"WXYZ"
    print(data)
  `),
  md(`
    The \`%memoryview\` magic shows where a view's bytes sit inside its exporter's buffer:
  `),
  simulated("the simulated buffer's layout", `
    %memoryview middle
  `),
  md(`
    While a view exists, the \`bytearray\` it looks into must not move, so it refuses to grow or
    shrink; releasing the view (or leaving a \`with\` block) lifts the ban:
  `),
  confirmed(`
    try:
        data.append(0)
    except BufferError as error:
        print("BufferError:", error)
    middle.release()
    data.append(33)
    print(data)
  `),
  md(`
    ## Sending without copying

    \`socket.send\` may accept only part of what it is given, so sending a large buffer is a loop
    that drops what was sent and tries again. Written with slices of \`bytes\`, every round copies
    everything that is left. The note sends 100 MB; this cell sends the 10 MB of the file above.
    The kernel has no network, so it stands in a socket whose \`send\` accepts at most 100 kB a
    call, and counts the bytes the loop copies:
  `),
  confirmed(`
    class SlowSocket:
        """send() takes at most \`chunk\` bytes, as a socket with a full buffer does."""
        def __init__(self, chunk):
            self.chunk = chunk
            self.received = 0
        def send(self, data):
            sent = min(len(data), self.chunk)
            self.received += sent
            return sent

    def send_all_copying(sock, data):
        copied = 0
        while data:
            sent = sock.send(data)
            data = data[sent:]          # a new bytes object: everything left is copied
            copied += len(data)
        return copied

    def send_all_viewing(sock, data):
        view = memoryview(data)
        while view:
            sent = sock.send(view)
            view = view[sent:]          # a new view of the same memory: nothing is copied
        return 0

    data = b"a" * (1024 * 10000)
    for send_all in (send_all_copying, send_all_viewing):
        sock = SlowSocket(100_000)
        copied = send_all(sock, data)
        print(f"{send_all.__name__}: sent {sock.received:,} bytes, copied {copied:,}")
  `),
  md(`
    To send 10 MB in 100 kB pieces the copying loop copies about 500 MB, fifty times the data (and
    the note's 100 MB would cost 5 GB); the viewing loop copies nothing.

    ## Reading into a buffer you already have

    Reading works the other way round. \`read(n)\` allocates a new \`bytes\` object each call;
    \`readinto(buffer)\` fills memory the caller already owns and returns how many bytes it read.
    With a view at an offset, it fills a buffer from the middle. The note read from
    \`/dev/urandom\`, whose bytes differ on every run; a file of known bytes shows the same:
  `),
  confirmed(`
    import os, tempfile

    path = os.path.join(tempfile.gettempdir(), "chapter08-sample.bin")
    with open(path, "wb") as out:
        out.write(bytes(range(1, 17)))

    buffer = bytearray(8)
    with open(path, "rb") as source:
        print(source.readinto(buffer), buffer)

    buffer = bytearray(8)
    at_4 = memoryview(buffer)[4:]       # the buffer from offset 4 to its end
    with open(path, "rb") as source:
        print(source.readinto(at_4), buffer)
  `),
  md(`
    Only four bytes fit in the view, so only four are read, and they land at offsets 4 to 7. A
    loop that reads a large file into one preallocated buffer, piece after piece, allocates
    nothing per piece:
  `),
  confirmed(`
    with open(path, "wb") as out:
        out.write(bytes(range(256)) * 40)       # 10,240 bytes

    whole = bytearray(os.path.getsize(path))
    view = memoryview(whole)
    with open(path, "rb") as source:
        filled = 0
        while filled < len(whole):
            filled += source.readinto(view[filled:filled + 4096])
    print(filled, whole[:4], whole[-4:], whole == bytes(range(256)) * 40)
    os.remove(path)
  `),
  md(`
    ## array and struct share buffers too

    An \`array.array\` exports its items through the buffer protocol, so a view of it can be cast
    to bytes and back without copying, and a file can \`readinto\` an array directly. A view's
    \`cast\` reinterprets the same memory with another format:
  `),
  confirmed(`
    import array
    numbers = array.array("I", [1, 2, 3, 258])
    raw = memoryview(numbers).cast("B")             # the same 16 bytes, one at a time
    print(raw.nbytes, raw.tolist())
    raw[0] = 7                                       # a write through the byte view...
    print(numbers)                                   # ...changes the array
  `),
  md(`
    \`struct\` packs and unpacks C values at any offset of a writable buffer, again without
    building intermediate \`bytes\`: \`pack_into\` writes into the buffer and \`unpack_from\` reads
    from it.
  `),
  confirmed(`
    import struct
    record = struct.Struct("<HId")                  # a 2-byte id, a 4-byte count, a double
    packet = bytearray(4 + 2 * record.size)        # a 4-byte header, then two records
    for i, values in enumerate([(1, 10, 0.5), (2, 20, 1.5)]):
        record.pack_into(packet, 4 + i * record.size, *values)
    print(record.size, bytes(packet[4:18]).hex(" "))
    print([record.unpack_from(packet, 4 + i * record.size) for i in range(2)])
  `),
  md(`
    ## In short

    - Slicing \`bytes\` copies; slicing a \`memoryview\` makes a view of the same memory.
    - \`send\` loops and read loops should move views, not slices: the copying send loop above
      copied fifty times the data it sent.
    - \`readinto\` fills a buffer you own, from any offset a view chooses.
    - \`bytearray\`, \`array.array\` and \`struct\` all work on shared buffers; a buffer that is lent
      out cannot be resized.

    Sizes, views and contents are confirmed by CPython 3.11; the resident-memory figures of
    \`%mprun\` and the buffer picture of \`%memoryview\` are the simulation's.
  `),
]);
