#!/usr/bin/env python3
"""Puts generated results into a Markdown notebook: every block between
`<!-- include: PATH -->` and `<!-- end include -->` is replaced by the file at PATH (relative to the
repository root), so the notebook's tables are the committed result files, never typed by hand.

usage: fill_notebook.py NOTEBOOK.md
"""
import os, re, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
path = sys.argv[1]
text = open(path).read()
pattern = re.compile(r"(<!-- include: (\S+) -->\n)(.*?)(<!-- end include -->)", re.S)


def fill(m):
    included = open(os.path.join(root, m.group(2))).read().rstrip("\n") + "\n"
    return m.group(1) + included + m.group(4)


new = pattern.sub(fill, text)
tmp = path + ".tmp"
open(tmp, "w").write(new)
os.replace(tmp, path)
