#!/usr/bin/env python3
"""Writes MNIST's four IDX files (gzip) from the classic mnist.pkl.gz (50,000 train, 10,000
validation, 10,000 test; pixels stored as float32 byte/256, labels int64) WITHOUT unpickling it:
pickletools.genops only walks the opcodes, and the six arrays are the file's six BINSTRING records,
whose dtype and shape records are checked before use. Train = train + validation (the original
60,000, in order), test = test. Usage: mnist_from_pickle.py MNIST_PKL_GZ OUT_DIR"""
import gzip, io, os, pickletools, struct, sys

source, out = sys.argv[1], sys.argv[2]
raw = gzip.decompress(open(source, "rb").read())
records, dtypes, ints = [], [], []
for op, arg, _ in pickletools.genops(io.BytesIO(raw)):
    if op.name == "SHORT_BINSTRING" and arg in ("f4", "i8"):
        dtypes.append(arg)
    elif op.name in ("BININT1", "BININT2", "BININT"):
        ints.append(arg)
    elif op.name == "BINSTRING":
        records.append(arg.encode("latin-1") if isinstance(arg, str) else arg)
expected = [("f4", 50000 * 784), ("i8", 50000), ("f4", 10000 * 784), ("i8", 10000), ("f4", 10000 * 784), ("i8", 10000)]
# The dtype objects are pickled once and then referenced from the memo, so each name appears once.
if len(records) != 6 or sorted(set(dtypes)) != ["f4", "i8"]:
    sys.exit(f"{source}: expected six float32/int64 arrays, found {len(records)} records with dtypes {dtypes}")
for (dtype, n), rec in zip(expected, records):
    if len(rec) != n * (4 if dtype == "f4" else 8):
        sys.exit(f"{source}: a {dtype} record holds {len(rec)} bytes, expected {n} values")

def pixels(rec):
    values = struct.unpack(f"<{len(rec) // 4}f", rec)
    out = bytearray(len(values))
    for i, v in enumerate(values):
        b = v * 256
        if b != int(b) or not 0 <= b <= 255:
            sys.exit(f"{source}: pixel {i} is {v}, not a byte/256")
        out[i] = int(b)
    return bytes(out)

def labels(rec):
    values = struct.unpack(f"<{len(rec) // 8}q", rec)
    if any(not 0 <= v <= 9 for v in values):
        sys.exit(f"{source}: a label is outside 0-9")
    return bytes(values)

def idx(data, dims):
    return bytes([0, 0, 8, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + data

os.makedirs(out, exist_ok=True)
train_x = pixels(records[0]) + pixels(records[2])
train_y = labels(records[1]) + labels(records[3])
files = {
    "train-images-idx3-ubyte.gz": idx(train_x, [60000, 28, 28]),
    "train-labels-idx1-ubyte.gz": idx(train_y, [60000]),
    "t10k-images-idx3-ubyte.gz": idx(pixels(records[4]), [10000, 28, 28]),
    "t10k-labels-idx1-ubyte.gz": idx(labels(records[5]), [10000]),
}
for name, data in files.items():
    tmp = os.path.join(out, name + ".tmp")
    with gzip.open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, os.path.join(out, name))
print(f"wrote {', '.join(files)} to {out}")
