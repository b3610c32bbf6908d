"""Deterministic mutations of binary inputs, kept as lists of operations so that a failing
input can be shrunk to the fewest operations that still fail and printed as a reproducer.

An operation is a tuple whose first item names it; `apply` turns a seed and a list of
operations into bytes. `Mutator` draws operations from a seeded `random.Random`, so a run
is reproducible from its seed alone.
"""
import random
import struct

# Byte values and integers that break parsers: zero, one, sign boundaries, all ones.
INTERESTING_BYTES = (0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0x10, 0x40, 0x20)
INTERESTING_INTS = (0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
                    0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 2**63 - 1, 2**64 - 1)
_WIDTHS = {2: "H", 4: "I", 8: "Q"}


def _put_int(buf, pos, width, order, value):
    value &= (1 << (8 * width)) - 1
    if 0 <= pos and pos + width <= len(buf):
        struct.pack_into(order + _WIDTHS[width], buf, pos, value)


def apply_op(buf, op):
    """Apply one operation to bytearray buf in place (out-of-range positions are no-ops)."""
    kind = op[0]
    n = len(buf)
    if kind == "flip":  # ("flip", pos, bit)
        if op[1] < n:
            buf[op[1]] ^= 1 << op[2]
    elif kind == "set":  # ("set", pos, byte)
        if op[1] < n:
            buf[op[1]] = op[2]
    elif kind == "int":  # ("int", pos, width, order, value)
        _put_int(buf, op[1], op[2], op[3], op[4])
    elif kind == "truncate":  # ("truncate", length)
        del buf[op[1]:]
    elif kind == "insert":  # ("insert", pos, bytes)
        buf[op[1]:op[1]] = op[2]
    elif kind == "delete":  # ("delete", pos, length)
        del buf[op[1]:op[1] + op[2]]
    elif kind == "dup":  # ("dup", pos, length): repeat a span after itself
        buf[op[1] + op[2]:op[1] + op[2]] = buf[op[1]:op[1] + op[2]]
    elif kind == "append":  # ("append", bytes)
        buf.extend(op[1])
    else:
        raise ValueError("unknown mutation %r" % (kind,))


def apply(seed, ops):
    """The bytes of seed after the operations ops, in order."""
    buf = bytearray(seed)
    for op in ops:
        apply_op(buf, op)
    return bytes(buf)


class Mutator:
    """Draws mutation operations for inputs of a given length from a seeded generator.

    `fields` are (position, width, order) of integer fields worth aiming at (counts,
    sizes, offsets); `extra` is a callable(rng, data) giving structure-aware operations.
    """

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def interesting_int(self, size):
        """An integer likely to break a size or offset check for an input of size bytes."""
        rng = self.rng
        choice = rng.random()
        if choice < 0.5:
            return rng.choice(INTERESTING_INTS)
        if choice < 0.8:
            return max(0, size + rng.randint(-16, 16))  # just inside or past the end
        return rng.randint(0, 2 * size + 64)

    def op(self, size, fields=()):
        """One random operation for an input of size bytes."""
        rng = self.rng
        pos = rng.randrange(size) if size else 0
        r = rng.random()
        if fields and r < 0.35:
            fpos, width, order = rng.choice(fields)
            return ("int", fpos, width, order, self.interesting_int(size))
        if r < 0.5:
            return ("flip", pos, rng.randrange(8))
        if r < 0.65:
            return ("set", pos, rng.choice(INTERESTING_BYTES) if rng.random() < 0.7
                    else rng.randrange(256))
        if r < 0.75:
            width = rng.choice((2, 4, 8))
            return ("int", pos, width, rng.choice("<>"), self.interesting_int(size))
        if r < 0.83:
            return ("truncate", rng.randrange(size + 1))
        if r < 0.89:
            return ("insert", pos, bytes(rng.randrange(256) for _ in range(rng.choice((1, 2, 4, 8)))))
        if r < 0.94:
            return ("delete", pos, rng.choice((1, 2, 4, 8, 16)))
        if r < 0.97:
            return ("dup", pos, rng.choice((1, 8, 64)))
        return ("append", bytes(rng.randrange(256) for _ in range(rng.choice((1, 3, 64)))))

    def ops(self, size, fields=(), extra=None, data=None, most=4):
        """Between 1 and `most` operations (fewer more often)."""
        count = 1 + int(self.rng.random() ** 2 * most)
        out = []
        for _ in range(count):
            if extra is not None and self.rng.random() < 0.3:
                out.append(extra(self.rng, data))
            else:
                out.append(self.op(size, fields))
        return out


def shrink(seed, ops, fails):
    """The smallest sub-list of ops (removing one at a time) for which fails(bytes) holds."""
    ops = list(ops)
    changed = True
    while changed and len(ops) > 1:
        changed = False
        for i in range(len(ops)):
            trial = ops[:i] + ops[i + 1:]
            if fails(apply(seed, trial)):
                ops = trial
                changed = True
                break
    return ops


def ops_to_json(ops):
    """ops with their bytes as hex text, for JSON."""
    return [[x.hex() if isinstance(x, bytes) else x for x in op] for op in ops]


def ops_from_json(ops):
    """The inverse of ops_to_json (byte strings are the only strings after the first)."""
    out = []
    for op in ops:
        kind = op[0]
        args = [bytes.fromhex(x) if isinstance(x, str) and kind in ("insert", "append") else x
                for x in op[1:]]
        out.append(tuple([kind] + args))
    return out


def reproducer(name, seed, ops, error):
    """A message that lets a reader rebuild a failing input: seed name, operations, bytes."""
    data = apply(seed, ops)
    shown = data.hex() if len(data) <= 512 else data[:256].hex() + "..."
    return ("%s: %s\n  seed %s (%d bytes), operations %r\n  input (%d bytes): %s"
            % (name, error, name, len(seed), ops, len(data), shown))
