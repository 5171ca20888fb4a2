#!/usr/bin/env python3
"""Checks the layout invariants of one `cvtimeline --dump-layout` document
(spec/cli.md "The layout dump", spec/visual.md): every label and bar lies inside the
page, no two labels overlap, and no label overlaps a bar of another entry.

Usage: check-layout.py [DUMP.yaml|-]   (prints one line per problem; exit 1 if any)
As a module: check_dump(dump) -> list of problem strings.
"""
import sys

import yaml

# Boxes that merely touch, or overlap by less than rounding in the dump, are fine.
EPS = 0.05


# Keys whose box values are labels even without a `text` beside the box (a bar's label
# may be written `label: "text"` with its box under `label_box`).
LABEL_KEYS = ("label", "labels", "label_box", "texts")


def _num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_box(d):
    return isinstance(d, dict) and all(_num(d.get(k)) for k in ("x", "y", "w", "h"))


def _box(d):
    return (float(d["x"]), float(d["y"]), float(d["w"]), float(d["h"]))


def _overlap(a, b):
    """True when the interiors of boxes a and b intersect by more than EPS each way."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    dx = min(ax + aw, bx + bw) - max(ax, bx)
    dy = min(ay + ah, by + bh) - max(ay, by)
    return dx > EPS and dy > EPS


def _fmt(b):
    return "{x=%g y=%g w=%g h=%g}" % b


class _Label:
    def __init__(self, path, text, box, entry=None, bar=None):
        self.path, self.text, self.box = path, text, box
        self.entry = entry  # (group index, entry index) of the entry that owns it
        self.bar = bar      # bar index, for a bar's (role segment's) own label

    def name(self):
        return "%s %r %s" % (self.path, self.text, _fmt(self.box))


def _collect_labels(node, path, labels, under_label_key=False):
    """Every label-like box anywhere in the dump: a box with a `text`, or any box
    that is the value of a `label`/`labels` key or an item of a `texts` list."""
    if isinstance(node, dict):
        if _is_box(node) and ("text" in node or under_label_key):
            labels.append(_Label(path, str(node.get("text", "")), _box(node)))
        for k, v in node.items():
            if k in ("bars", "entries") and isinstance(v, list):
                continue  # handled with their owners, below
            _collect_labels(v, path + "." + str(k), labels, k in LABEL_KEYS)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _collect_labels(v, "%s[%d]" % (path, i), labels, under_label_key)


def check_dump(dump):
    """Returns a list of problems (strings); empty when the dump is fine."""
    problems = []
    if not isinstance(dump, dict):
        return ["the dump is not a mapping"]
    width, height = dump.get("width"), dump.get("height")
    if not (_num(width) and _num(height)) or width <= 0 or height <= 0:
        return ["the dump has no positive numeric width and height: %r x %r" % (width, height)]
    groups = dump.get("groups") or []
    if not isinstance(groups, list):
        return ["`groups` is not a list"]

    labels, bars = [], []  # bars: (path, box, (group, entry), bar index)
    for gi, g in enumerate(groups):
        gpath = "groups[%d]" % gi
        if not isinstance(g, dict):
            problems.append("%s is not a mapping" % gpath)
            continue
        rest = {k: v for k, v in g.items() if k != "entries"}
        _collect_labels(rest, gpath, labels)
        for ei, e in enumerate(g.get("entries") or []):
            epath = "%s.entries[%d]" % (gpath, ei)
            if not isinstance(e, dict):
                problems.append("%s is not a mapping" % epath)
                continue
            for k, v in e.items():
                if k == "bars":
                    continue
                if k in ("label", "label_box") and _is_box(v):
                    labels.append(_Label(epath + "." + k, str(v.get("text", e.get("label", ""))),
                                         _box(v), entry=(gi, ei)))
                else:
                    _collect_labels(v, epath + "." + k, labels, k in ("labels", "texts"))
            for bi, b in enumerate(e.get("bars") or []):
                bpath = "%s.bars[%d]" % (epath, bi)
                if not _is_box(b):
                    problems.append("%s has no box (x, y, w, h)" % bpath)
                    continue
                bars.append((bpath, _box(b), (gi, ei), bi))
                # A segment's label: `label: {text, x, y, w, h}`, or `label: TEXT` with
                # its box under `label_box`.
                lab = b.get("label")
                if _is_box(lab):
                    labels.append(_Label(bpath + ".label", str(lab.get("text", "")), _box(lab),
                                         entry=(gi, ei), bar=bi))
                elif _is_box(b.get("label_box")):
                    labels.append(_Label(bpath + ".label_box", str(lab or ""),
                                         _box(b["label_box"]), entry=(gi, ei), bar=bi))
    rest = {k: v for k, v in dump.items() if k != "groups"}
    _collect_labels(rest, "", labels)
    for lab in labels:
        lab.path = lab.path.lstrip(".")

    # 1. Everything inside the page.
    for lab in labels:
        x, y, w, h = lab.box
        if x < -EPS or y < -EPS or x + w > width + EPS or y + h > height + EPS:
            problems.append("label outside the page (%gx%g): %s" % (width, height, lab.name()))
    for path, b, _, _ in bars:
        x, y, w, h = b
        if x < -EPS or y < -EPS or x + w > width + EPS or y + h > height + EPS:
            problems.append("bar outside the page (%gx%g): %s %s" % (width, height, path, _fmt(b)))

    # 2. No two labels overlap.
    for i in range(len(labels)):
        for j in range(i + 1, len(labels)):
            if _overlap(labels[i].box, labels[j].box):
                problems.append("labels overlap: %s and %s" % (labels[i].name(), labels[j].name()))

    # 3. No label overlaps a bar that is not its own: an entry's label may lie on any of
    # its entry's bars, a segment's label only on its own segment.
    for lab in labels:
        for path, b, owner, bi in bars:
            if lab.entry == owner and (lab.bar is None or lab.bar == bi):
                continue
            if _overlap(lab.box, b):
                problems.append("label overlaps a foreign bar: %s over %s %s"
                                % (lab.name(), path, _fmt(b)))
    return problems


def main(argv):
    if len(argv) > 2:
        print("usage: check-layout.py [DUMP.yaml|-]", file=sys.stderr)
        return 2
    src = argv[1] if len(argv) == 2 else "-"
    text = sys.stdin.read() if src == "-" else open(src, encoding="utf-8").read()
    try:
        dump = yaml.safe_load(text)
    except yaml.YAMLError as e:
        print("the dump is not valid YAML: %s" % e)
        return 1
    problems = check_dump(dump)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
