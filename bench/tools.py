#!/usr/bin/env python3
"""Turns cvtimeline's chart (the draw list of bench/scene-export.c) into the inputs of
the native tools a user could script the same timeline with, so that they draw the same
periods and labels at the same places on a page of the same size (bench/RESULTS.md):

- a graphviz graph: one box node per rectangle (period bars, lanes, legend swatches) with
  its position, size and colours, one diamond per milestone, one plaintext node per label
  in its font, lines as edges between two invisible points; laid out as given
  (`neato -n2`, graphviz's mode for positions computed elsewhere: no layout of its own);
- a gnuplot script: rectangles as `boxxyerror` with their colours, lines as `vectors`,
  milestones as points, labels as `labels` in their fonts, in page coordinates, for
  `set terminal svg` and `pngcairo`; the output file is the script's first argument
  (`gnuplot -c chart.gp OUT`).

    tools.py SCENE.tsv OUTDIR [--scale S]    # writes OUTDIR/chart.dot, chart-svg.gp, chart-png.gp

--scale is the PNG pixel density (what cvtimeline's --scale does): the PNG variants draw
the same page S times smaller or larger."""
import argparse
import os
import re


def rgb(c):
    return "#%02x%02x%02x" % tuple(round(float(v) * 255) for v in c[:3])


def rgba(c):
    return rgb(c) + "%02x" % round(float(c[3]) * 255)


def font_parts(desc):
    """'Inter, DejaVu Sans Medium 11' -> ('Inter, DejaVu Sans Medium', 11.0)."""
    m = re.match(r"^(.*?)\s+([0-9.]+)$", desc)
    return (m.group(1), float(m.group(2))) if m else (desc, 10.0)


def read_scene(path):
    page, shapes = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "page":
                page = (float(fields[1]), float(fields[2]))
            else:
                shapes.append(fields)
    return page, shapes


def dot_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_dot(path, page, shapes, scale):
    w, h = page
    out = [f'digraph cv {{\n  graph [bb="0,0,{w:g},{h:g}", size="{w / 72:g},{h / 72:g}!", '
           f'ratio=fill, pad=0, dpi={72 * scale:g}, splines=line, outputorder=edgesfirst];\n'
           '  node [fixedsize=true, margin=0, penwidth=0, style=filled, label=""];\n'
           '  edge [arrowhead=none];\n']
    n = 0
    for s in shapes:
        kind = s[0]
        n += 1
        if kind in ("R", "D", "C"):
            x, y, bw, bh = map(float, s[1:5])
            rest = s[6:] if kind == "R" else s[5:]
            fill, stroke, sw = rest[0:4], rest[4:8], float(rest[8])
            if bw <= 0 or bh <= 0:
                continue
            shape = {"R": "box", "D": "diamond", "C": "circle"}[kind]
            out.append(f'  n{n} [shape={shape}, pos="{x + bw / 2:g},{h - y - bh / 2:g}", '
                       f'width={bw / 72:g}, height={bh / 72:g}, fillcolor="{rgba(fill)}"'
                       + (f', color="{rgba(stroke)}", penwidth={sw:g}' if float(stroke[3]) > 0
                          and sw > 0 else "") + "];\n")
        elif kind == "L":
            x, y, lw, lh = map(float, s[1:5])
            stroke, sw = s[5:9], float(s[9])
            out.append(f'  a{n} [shape=point, width=0, style=invis, pos="{x:g},{h - y:g}"];\n'
                       f'  b{n} [shape=point, width=0, style=invis, '
                       f'pos="{x + lw:g},{h - y - lh:g}"];\n'
                       f'  a{n} -> b{n} [color="{rgba(stroke)}", penwidth={sw:g}];\n')
        elif kind == "T":
            x, y = float(s[1]), float(s[2])
            fill, font, text = s[3:7], s[7], s[8]
            family, size = font_parts(font)
            # A plaintext node is placed by its centre: half a rough width to the right.
            tw = 0.55 * size * len(text)
            out.append(f'  t{n} [shape=plaintext, style="", fixedsize=false, '
                       f'pos="{x + tw / 2:g},{h - y - size * 0.6:g}", label={dot_quote(text)}, '
                       f'fontname={dot_quote(family)}, fontsize={size:g}, '
                       f'fontcolor="{rgba(fill)}"];\n')
    out.append("}\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def gp_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("@", "\\@") + '"'


def write_gnuplot(path, page, shapes, terminal, scale):
    w, h = page
    rects, lines, points = [], [], []
    labels = {}  # font -> rows
    for s in shapes:
        kind = s[0]
        if kind in ("R", "D", "C"):
            x, y, bw, bh = map(float, s[1:5])
            fill = s[6:10] if kind == "R" else s[5:9]
            if bw <= 0 or bh <= 0 or float(fill[3]) <= 0:
                continue
            color = int(rgb(fill)[1:], 16)
            if kind == "R":
                rects.append(f"{x + bw / 2:g} {y + bh / 2:g} {bw / 2:g} {bh / 2:g} {color}")
            else:
                points.append(f"{x + bw / 2:g} {y + bh / 2:g} {color}")
        elif kind == "L":
            x, y, lw, lh = map(float, s[1:5])
            lines.append(f"{x:g} {y:g} {lw:g} {lh:g} {int(rgb(s[5:9])[1:], 16)}")
        elif kind == "T":
            x, y = float(s[1]), float(s[2])
            font = font_parts(s[7])
            labels.setdefault(font, []).append(
                f"{x:g} {y + font[1] * 0.8:g} {int(rgb(s[3:7])[1:], 16)} {gp_quote(s[8])}")
    if terminal == "svg":
        term = f"set terminal svg size {w:g},{h:g} dynamic background '#ffffff'"
    else:
        term = (f"set terminal pngcairo size {round(w * scale)},{round(h * scale)} "
                f"fontscale {0.75 * scale:g} background '#ffffff'")
    out = [term + "\n", "set output ARG1\n", "set encoding utf8\n",
           f"set xrange [0:{w:g}]\nset yrange [{h:g}:0]\n",
           "set lmargin at screen 0\nset rmargin at screen 1\n"
           "set tmargin at screen 0\nset bmargin at screen 1\n",
           "unset border\nunset tics\nunset key\nset style fill solid noborder\n"]

    def block(name, rows):
        out.append(f"${name} << EOD\n" + "\n".join(rows) + "\nEOD\n")

    block("rects", rects)
    block("lines", lines)
    block("points", points)
    plots = ["$rects using 1:2:3:4:5 with boxxyerror lc rgb variable",
             "$lines using 1:2:3:4:5 with vectors nohead lc rgb variable",
             "$points using 1:2:3 with points pt 13 ps 1.2 lc rgb variable"]
    for i, (font, rows) in enumerate(sorted(labels.items())):
        block(f"labels{i}", rows)
        family = font[0].split(",")[0] if terminal == "svg" else font[0]
        plots.append(f"$labels{i} using 1:2:4:3 with labels left textcolor rgb variable "
                     f"font {gp_quote(f'{family},{font[1]:g}')}")
    out.append("plot " + ", \\\n     ".join(plots) + "\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scene")
    ap.add_argument("outdir")
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    page, shapes = read_scene(a.scene)
    os.makedirs(a.outdir, exist_ok=True)
    write_dot(os.path.join(a.outdir, "chart-svg.dot"), page, shapes, 1.0)
    write_dot(os.path.join(a.outdir, "chart-png.dot"), page, shapes, a.scale)
    write_gnuplot(os.path.join(a.outdir, "chart-svg.gp"), page, shapes, "svg", 1.0)
    write_gnuplot(os.path.join(a.outdir, "chart-png.gp"), page, shapes, "png", a.scale)


if __name__ == "__main__":
    main()
