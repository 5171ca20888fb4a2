#!/usr/bin/env python3
"""Checks the layout invariants of one `cvtimeline --dump-layout` document
(doc/layout-dump.md, README "What the chart shows"): every label and bar
lies inside the page, no two labels overlap, no label overlaps a bar of another entry;
and, on a dump that records where each item's text went (`shown`), that nothing is
missing: every entry's title and org, every role's title and every milestone's title is
drawn whole in a label of its own item, or listed (milestones), or the dump says it was
shortened; lanes read in time order; a milestone's label stays near its marker; no
entry's text runs into the today line; two entries in one lane stand clearly apart; a
group's total and each gap's length (the career summary on the chart) are drawn whole,
the length over its band, or the dump says they were not.

Usage: check-layout.py [--strict] [DUMP.yaml|-]   (one line per problem; exit 1 if any)
  --strict: a shortened text is a problem too (as cvtimeline --strict makes it an error)
As a module: check_dump(dump, strict=False) -> list of problem strings;
completeness(dump) -> (problems, shortened) for the completeness rule alone.
"""
import re
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


ELLIPSIS = "\u2026"
SHOWN = ("whole", "shortened", "listed")


def _clean(text):
    """The text as cvtimeline draws it: controls as spaces, bidi embeddings, overrides
    and isolates dropped, outer spaces stripped (as readers clean it, strutil_clean_text;
    the dump's texts already are, so this only guards against a dump made otherwise)."""
    out = []
    for ch in str(text):
        c = ord(ch)
        if 0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069:
            continue
        out.append(" " if c < 0x20 or c == 0x7F else ch)
    return "".join(out).strip()


# What a label joins its texts with (layout_labels.c): title, org and location with
# " · ", a progression of roles with " › "; a milestone list item starts "N  ".
PARTS = re.compile(r"( · | › )")
LIST_NUMBER = re.compile(r"^[0-9]+  ")


def _tokens(text):
    """@text split into its parts and the separators between them, alternately."""
    return PARTS.split(text)


def _whole_in(text, drawn):
    """Whether @text appears whole in one of the @drawn strings: as one or more whole
    parts of it, not inside a part ("Dev" is not shown by "Developer · Acme"). A text
    that itself holds a separator ("Research · Teaching") must appear as those parts in
    a row. Only what precedes a shortened string's ellipsis counts as drawn (and a
    separator cut there is no part)."""
    want = _tokens(_clean(text))
    if want == [""]:
        return True
    n = len(want)
    for d in drawn:
        d = str(d)
        if d.endswith(ELLIPSIS):
            d = re.sub(r" [·›]$", "", d[:-1].rstrip())
        got = _tokens(d)
        if any(got[i:i + n] == want for i in range(0, len(got) - n + 1, 2)):
            return True
    return False


def _entry_texts(e, fields):
    """The texts of an entry that the chart must show: title, org (when the style's
    labels name it), each role's title."""
    want = []
    if e.get("title"):
        want.append(("title", e["title"]))
    if e.get("org") and "org" in fields:
        want.append(("org", e["org"]))
    seen = set()
    for b in e.get("bars") or []:
        role = b.get("role") if isinstance(b, dict) else None
        if role and role not in seen:
            seen.add(role)
            want.append(("role", role))
    return want


def _entry_drawn(e):
    """Every text drawn for an entry: its label, the org beside the bar when the title
    is inside, its caption, its segments' labels."""
    drawn = []
    for key in ("label", "org_label", "caption"):
        v = e.get(key)
        if isinstance(v, dict) and "text" in v:
            drawn.append(v["text"])
        elif isinstance(v, str):
            drawn.append(v)
    for b in e.get("bars") or []:
        if isinstance(b, dict):
            lab = b.get("label")
            drawn.append(lab.get("text", "") if isinstance(lab, dict) else lab or "")
    return [d for d in drawn if d]


def _entry_name(gi, ei, e):
    src = e.get("source") or {}
    what = e.get("title") or e.get("org") or "?"
    return "groups[%d].entries[%d] %r (line %s)" % (gi, ei, what, src.get("line", "?"))


def completeness(dump):
    """The completeness rule (doc/layout-dump.md). Returns (problems, shortened): texts
    that are missing without the dump saying why, and texts the dump says were
    shortened (cvtimeline warned about each)."""
    problems, shortened = [], []
    fields = dump.get("label_fields") or ["title", "org"]
    for gi, g in enumerate(dump.get("groups") or []):
        for ei, e in enumerate((g or {}).get("entries") or []):
            if not isinstance(e, dict):
                continue
            name = _entry_name(gi, ei, e)
            shown = e.get("shown")
            if shown not in SHOWN or shown == "listed":
                problems.append("%s: `shown` is %r, not whole or shortened" % (name, shown))
                continue
            drawn = _entry_drawn(e)
            missing = [(k, t) for k, t in _entry_texts(e, fields) if not _whole_in(t, drawn)]
            if shown == "whole":
                for kind, text in missing:
                    problems.append("%s: its %s %r is not shown whole (drawn: %r)"
                                    % (name, kind, text, drawn))
            else:
                if not any(str(d).endswith(ELLIPSIS) for d in drawn) and not missing:
                    problems.append("%s: says shortened, but every text is whole" % name)
                for kind, text in missing:
                    shortened.append("%s: its %s %r is shortened" % (name, kind, text))
    listed = {}
    for item in dump.get("milestone_list") or []:
        if isinstance(item, dict) and "number" in item:
            listed[item["number"]] = str(item.get("text", ""))
    for mi, m in enumerate(dump.get("milestones") or []):
        if not isinstance(m, dict):
            continue
        name = "milestones[%d] %r (%s)" % (mi, m.get("title"), m.get("date"))
        shown = m.get("shown")
        lab = m.get("label")
        drawn = [lab["text"]] if isinstance(lab, dict) and "text" in lab else []
        if shown == "whole":
            if not _whole_in(m.get("title", ""), drawn):
                problems.append("%s: its title is not shown whole (drawn: %r)" % (name, drawn))
        elif shown == "listed":
            num = m.get("number")
            if num not in listed:
                problems.append("%s: listed as number %r, which the list does not have"
                                % (name, num))
            elif not _whole_in(m.get("title", ""), [LIST_NUMBER.sub("", listed[num])]):
                problems.append("%s: the list's item %r does not name it whole"
                                % (name, listed[num]))
        elif shown == "shortened":
            if _whole_in(m.get("title", ""), drawn):
                problems.append("%s: says shortened, but its title is whole" % name)
            shortened.append("%s: its title is shortened" % name)
        else:
            problems.append("%s: `shown` is %r, not whole, listed or shortened" % (name, shown))
    return problems, shortened


def _label_text(v):
    return str(v.get("text", "")) if isinstance(v, dict) else ""


def summary_marks(dump):
    """The career summary on the chart (doc/summary.md "On the chart"): a group's `total`
    is drawn whole in its name's line or the line under it, and each of its `gaps` has its
    length drawn whole over its band (the label's middle within the band, the label within
    the band's height), unless the dump says `shown: shortened` (cvtimeline warned); a
    band lies in the plot and in its group. Returns (problems, shortened)."""
    problems, shortened = [], []
    plot = dump.get("plot")
    for gi, g in enumerate(dump.get("groups") or []):
        if not isinstance(g, dict):
            continue
        gname = "groups[%d] %r" % (gi, g.get("name"))
        total = g.get("total")
        if isinstance(total, dict):
            drawn = [_label_text(g.get("label")), _label_text(g.get("total_label"))]
            whole = _whole_in(total.get("text", ""), [d for d in drawn if d])
            shown = total.get("shown")
            if shown == "whole" and not whole:
                problems.append("%s: its total %r is not shown whole (drawn: %r)"
                                % (gname, total.get("text"), drawn))
            elif shown == "shortened":
                if whole:
                    problems.append("%s: says its total is shortened, but it is whole" % gname)
                shortened.append("%s: its total %r is shortened" % (gname, total.get("text")))
            elif shown != "whole":
                problems.append("%s: the total's `shown` is %r, not whole or shortened"
                                % (gname, shown))
        for k, gap in enumerate(g.get("gaps") or []):
            name = "%s.gaps[%d] %r" % (gname, k, gap.get("dates") if isinstance(gap, dict) else "?")
            if not isinstance(gap, dict) or not _is_box(gap.get("box") or {}):
                problems.append("%s has no band (box: x, y, w, h)" % name)
                continue
            bx, by, bw, bh = _box(gap["box"])
            if _is_box(plot or {}):
                px, _, pw, _ = _box(plot)
                if bx < px - EPS or bx + bw > px + pw + EPS:
                    problems.append("%s: its band %s leaves the plot" % (name, _fmt((bx, by, bw, bh))))
            if _is_box(g.get("box") or {}):
                _, gy, _, gh = _box(g["box"])
                if by < gy - EPS or by + bh > gy + gh + EPS:
                    problems.append("%s: its band %s leaves its group" % (name, _fmt((bx, by, bw, bh))))
            lab = gap.get("label")
            shown = gap.get("shown")
            whole = _is_box(lab or {}) and _whole_in(gap.get("text", ""), [_label_text(lab)])
            if _is_box(lab or {}):
                lx, ly, lw, lh = _box(lab)
                mid = lx + lw / 2
                if mid < bx - EPS or mid > bx + bw + EPS or ly < by - EPS or ly + lh > by + bh + EPS:
                    problems.append("%s: its length %s is not over its band %s"
                                    % (name, _fmt((lx, ly, lw, lh)), _fmt((bx, by, bw, bh))))
            if shown == "whole" and not whole:
                problems.append("%s: its length %r is not shown whole" % (name, gap.get("text")))
            elif shown == "shortened":
                if whole:
                    problems.append("%s: says its length is left out, but it is drawn" % name)
                shortened.append("%s: its length %r is not drawn" % (name, gap.get("text")))
            elif shown != "whole":
                problems.append("%s: `shown` is %r, not whole or shortened" % (name, shown))
    return problems, shortened


def lane_order(dump):
    """Lanes in reading order: within a group, an entry that starts later never sits in
    a lane above (oldest-first) or below (newest-first) one that starts earlier."""
    problems = []
    order = dump.get("lane_order", "oldest-first")
    sign = 1 if order == "oldest-first" else -1
    for gi, g in enumerate(dump.get("groups") or []):
        rows = []
        for ei, e in enumerate((g or {}).get("entries") or []):
            bars = e.get("bars") or [] if isinstance(e, dict) else []
            if bars and isinstance(bars[0], dict) and "lane" in e:
                rows.append((str(min(b.get("start", "") for b in bars)), e["lane"], ei, e))
        rows.sort(key=lambda r: (r[0], sign * r[1]))
        for a, b in zip(rows, rows[1:]):
            if sign * (b[1] - a[1]) < 0:
                problems.append("groups[%d]: lanes out of time order (%s): %s starts %s in "
                                "lane %d, after %s (%s, lane %d)"
                                % (gi, order, _entry_name(gi, b[2], b[3]), b[0], b[1],
                                   _entry_name(gi, a[2], a[3]), a[0], a[1]))
    return problems


def milestone_reach(dump):
    """A milestone's label is never far from its marker: its box starts or ends within a
    few marker widths of the marker, or the marker lies under it."""
    problems = []
    width = float(dump.get("width") or 0)
    reach = 8 + 0.02 * width
    for mi, m in enumerate(dump.get("milestones") or []):
        lab = m.get("label") if isinstance(m, dict) else None
        if not _is_box(lab or {}) or not _num(m.get("x")):
            continue
        x, _, w, _ = _box(lab)
        mx = float(m["x"])
        gap = 0 if x <= mx <= x + w else min(abs(mx - x), abs(mx - (x + w)))
        if gap > reach:
            problems.append("milestones[%d] %r: its label lies %.0f px from its marker "
                            "(at most %.0f)" % (mi, m.get("title"), gap, reach))
    return problems


# An entry's text keeps at least this far from the today line (layout keeps 6 px), so
# the dashed line never cuts through or grazes glyphs.
TODAY_CLEAR = 4.0


def _entry_text_boxes(e):
    """(name, box) of every text drawn for an entry: label, org beside, caption, the
    segments' labels."""
    out = []
    for key in ("label", "org_label", "caption"):
        v = e.get(key)
        if _is_box(v):
            out.append((key, v.get("text", ""), _box(v)))
    for b in e.get("bars") or []:
        if isinstance(b, dict) and _is_box(b.get("label_box")):
            out.append(("segment label", b.get("label", ""), _box(b["label_box"])))
    return out


def today_clearance(dump):
    """No entry's text comes within TODAY_CLEAR of the today line."""
    problems = []
    x = dump.get("today_x")
    if not _num(x):
        return problems
    for gi, g in enumerate(dump.get("groups") or []):
        for ei, e in enumerate((g or {}).get("entries") or []):
            if not isinstance(e, dict):
                continue
            for key, text, (bx, _, bw, _) in _entry_text_boxes(e):
                if bx - TODAY_CLEAR < x < bx + bw + TODAY_CLEAR:
                    problems.append("%s: its %s %r comes within %.1f px of the today line "
                                    "at x %g (at least %g)"
                                    % (_entry_name(gi, ei, e), key, text,
                                       min(abs(x - bx), abs(x - bx - bw)), x, TODAY_CLEAR))
    return problems


def entry_gaps(dump):
    """Two entries in one lane stand apart by at least a third of the bar's height
    (layout keeps the larger of that and twice the corner radius): closer, a gap
    between two jobs reads like the cut between two roles of one."""
    problems = []
    for gi, g in enumerate(dump.get("groups") or []):
        lanes = {}
        for ei, e in enumerate((g or {}).get("entries") or []):
            if not isinstance(e, dict) or "lane" not in e:
                continue
            for b in e.get("bars") or []:
                if _is_box(b):
                    lanes.setdefault((e["lane"], float(b["y"])), []).append((_box(b), ei, e))
        for row in lanes.values():
            row.sort(key=lambda r: r[0][0])
            for (a, ai, ae), (b, bi, be) in zip(row, row[1:]):
                if ai == bi:
                    continue
                gap = b[0] - (a[0] + a[2])
                need = min(a[3], b[3]) / 3 - 0.5
                if gap < need:
                    problems.append("%s and %s share a lane only %.1f px apart (at least %.1f)"
                                    % (_entry_name(gi, ai, ae), _entry_name(gi, bi, be), gap,
                                       need))
    return problems


def _new_schema(dump):
    """Whether the dump records where text went (doc/layout-dump.md): then the
    completeness rule and the lane order are checked too."""
    for g in dump.get("groups") or []:
        for e in (g or {}).get("entries") or []:
            return isinstance(e, dict) and "shown" in e
    return any(isinstance(m, dict) and "shown" in m for m in dump.get("milestones") or [])


def check_dump(dump, strict=False):
    """Returns a list of problems (strings); empty when the dump is fine. With @strict,
    every shortened text is a problem too."""
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
                if k in ("label", "label_box", "org_label", "caption") and _is_box(v):
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

    # 4. Nothing missing, lanes in reading order, milestone labels near their markers.
    if _new_schema(dump):
        missing, shortened = completeness(dump)
        problems += missing
        if strict:
            problems += shortened
        problems += lane_order(dump)
        problems += milestone_reach(dump)
        problems += today_clearance(dump)
        problems += entry_gaps(dump)
        marks, left_out = summary_marks(dump)
        problems += marks
        if strict:
            problems += left_out
    return problems


def main(argv):
    args = argv[1:]
    strict = "--strict" in args
    args = [a for a in args if a != "--strict"]
    if len(args) > 1:
        print("usage: check-layout.py [--strict] [DUMP.yaml|-]", file=sys.stderr)
        return 2
    src = args[0] if args else "-"
    text = sys.stdin.read() if src == "-" else open(src, encoding="utf-8").read()
    try:
        dump = yaml.safe_load(text)
    except yaml.YAMLError as e:
        print("the dump is not valid YAML: %s" % e)
        return 1
    problems = check_dump(dump, strict)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
