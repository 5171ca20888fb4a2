#!/usr/bin/env python3
"""Tests of tools/check-layout.py itself: the completeness rule, the lane order, the
milestone reach, the today line's clearance, the gap between entries in a lane and the
career summary's marks (doc/layout-dump.md) on small hand-made dumps, and on the real dump of
the example CV marked as if every text were whole (it is not: the checker must say so).

Usage: python3 tests/run-checker.py PATH/TO/cvtimeline
"""
import copy
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, TODAY, Tap, binary_from_argv, load_checker, run  # noqa: E402


def box(x, y, w, h, text=None):
    b = {"x": x, "y": y, "w": w, "h": h}
    if text is not None:
        b["text"] = text
    return b


def base():
    """A tidy dump: one group, two entries (one with roles), one milestone."""
    return {
        "width": 1000, "height": 400, "lane_order": "oldest-first",
        "groups": [{
            "name": "Experience", "key": "jobs", "lanes": 2,
            "box": box(0, 0, 1000, 60),
            "entries": [
                {"title": "Engineer", "org": "Acme", "lane": 0, "shown": "whole",
                 "source": {"line": 3, "column": 5},
                 "bars": [{"start": "2010-01-01", "end": "2012-12-31", **box(100, 0, 100, 24)}],
                 "label": box(206, 5, 120, 13, "Engineer · Acme")},
                {"org": "Big Lab", "lane": 1, "shown": "whole",
                 "source": {"line": 6, "column": 5},
                 "bars": [
                     {"start": "2013-01-01", "end": "2015-12-31", "role": "Resident",
                      "label": "Resident", "label_box": box(406, 35, 60, 13),
                      **box(400, 30, 100, 24)},
                     {"start": "2016-01-01", "end": "2016-02-28", "role": "Lead",
                      **box(500, 30, 5, 24)}],
                 "label": box(511, 35, 200, 13, "Resident › Lead · Big Lab")},
            ]}],
        "milestones": [
            {"date": "2014-01-01", "title": "Paper", "x": 450, "y": 80, "tier": 0,
             "shown": "whole", "label": box(454, 90, 40, 12, "Paper")}],
        "texts": [],
    }


def main():
    exe = binary_from_argv()
    check = load_checker()
    t = Tap()

    def expect(dump, want, what, strict=False):
        problems = check.check_dump(dump, strict)
        hit = [p for p in problems if want in p] if want else problems
        if want:
            t.ok(hit, what, "no problem mentioning %r among %r" % (want, problems))
        else:
            t.ok(not problems, what, "\n".join(problems))

    expect(base(), None, "a tidy dump passes")

    d = base()
    d["groups"][0]["entries"][1]["label"]["text"] = "Big Lab"
    expect(d, "its role 'Lead' is not shown whole", "a role named nowhere is missing")

    d = base()
    d["groups"][0]["entries"][0]["label"]["text"] = "Engineer · Ac…"
    expect(d, "its org 'Acme' is not shown whole", "a shortened org claimed whole is missing")
    d["groups"][0]["entries"][0]["shown"] = "shortened"
    expect(d, None, "a shortened org the dump owns up to passes")
    expect(d, "is shortened", "... but not under --strict", strict=True)

    d = base()
    d["groups"][0]["entries"][0]["shown"] = "shortened"
    expect(d, "says shortened, but every text is whole", "a false 'shortened' is caught")

    # Whole parts, not substrings: a title inside a longer word is not shown.
    d = base()
    d["groups"][0]["entries"][0]["title"] = "Eng"
    expect(d, "its title 'Eng' is not shown whole",
           "a title drawn only inside a longer word ('Eng' in 'Engineer') is missing")
    d = base()
    d["groups"][0]["entries"][1]["bars"][1]["role"] = "Lea"
    expect(d, "its role 'Lea' is not shown whole", "a role inside a longer one is missing")
    d = base()
    d["groups"][0]["entries"][0]["org"] = "Ac"
    d["groups"][0]["entries"][0]["label"]["text"] = "Engineer · Ac · Berlin"
    expect(d, None, "an org between two separators is whole")
    d = base()
    d["groups"][0]["entries"][0]["title"] = "Research · Teaching"
    d["groups"][0]["entries"][0]["label"]["text"] = "Research · Teaching · Acme"
    expect(d, None, "a title that holds a separator, drawn in a row, is whole")
    d["groups"][0]["entries"][0]["label"]["text"] = "Research · Acme"
    expect(d, "its title 'Research · Teaching' is not shown whole",
           "... and half of it is missing")
    d = base()
    d["groups"][0]["entries"][0]["label"]["text"] = "Engineer ·…"
    d["groups"][0]["entries"][0]["org_label"] = box(330, 5, 40, 13, "Acme")
    expect(d, None, "a label cut at its separator still shows the title whole")

    d = base()
    del d["groups"][0]["entries"][0]["label"]
    expect(d, "its title 'Engineer' is not shown whole", "an entry without a label is missing")

    d = base()
    d["groups"][0]["entries"][1]["caption"] = box(400, 56, 200, 12, "Resident › Lead")
    d["groups"][0]["entries"][1]["label"]["text"] = "Big Lab"
    expect(d, None, "a role caption names the roles")

    d = base()
    m = d["milestones"][0]
    m.update(shown="listed", number=1)
    del m["label"]
    expect(d, "the list does not have", "a listed milestone needs its list item")
    d["milestone_list"] = [{"number": 1, **box(100, 300, 100, 12, "1  Paper")}]
    expect(d, None, "a listed milestone with its list item passes")
    d["milestone_list"][0]["text"] = "1  Pap…"
    expect(d, "does not name it whole", "a shortened list item is missing")

    d = base()
    d["milestones"][0]["label"] = box(700, 90, 40, 12, "Paper")
    expect(d, "from its marker", "a label far from its marker is caught")

    d = base()
    d["today_x"] = 328.5
    expect(d, "of the today line", "a label that touches the today line is caught")
    d["today_x"] = 340
    expect(d, None, "... and one 14 px clear of it passes")

    d = base()
    d["groups"][0]["entries"][1]["lane"] = 0
    for b in d["groups"][0]["entries"][1]["bars"]:
        b["y"] = 0
    d["groups"][0]["entries"][1]["bars"][0]["x"] = 204
    d["groups"][0]["entries"][1]["label"]["y"] = 5
    d["groups"][0]["entries"][0]["label"] = box(100, 30, 120, 13, "Engineer · Acme")
    d["groups"][0]["entries"][1]["bars"][0]["label_box"]["y"] = 5
    expect(d, "share a lane only 4.0 px apart", "two entries 4 px apart in a lane are caught")
    d["groups"][0]["entries"][1]["bars"][0]["x"] = 208
    d["groups"][0]["entries"][1]["bars"][0]["label_box"]["x"] = 214
    expect(d, None, "... and 8 px apart they pass")

    d = base()
    d["groups"][0]["entries"][0]["lane"] = 1
    d["groups"][0]["entries"][1]["lane"] = 0
    d["groups"][0]["entries"][1]["label"]["y"] = 5
    expect(d, "lanes out of time order", "a later entry in a higher lane is caught")
    d["lane_order"] = "newest-first"
    expect(d, None, "... which is the order newest-first asks for")

    d = base()
    for e in d["groups"][0]["entries"]:
        del e["shown"]
    d["groups"][0]["entries"][1]["label"]["text"] = "Big Lab"
    del d["milestones"][0]["shown"]
    expect(d, None, "a dump without `shown` gets the geometric checks only")

    # The career summary on the chart: a group's total and its gaps' lengths.
    def marked():
        d = base()
        g = d["groups"][0]
        g["label"] = box(0, 5, 70, 13, "Experience")
        g["total"] = {"text": "5 y", "shown": "whole"}
        g["total_label"] = box(0, 18, 20, 13, "5 y")
        g["gaps"] = [{"start": "2016-03-01", "end": "2016-12-31", "dates": "Mar 2016 – Dec 2016",
                      "text": "10 m", "shown": "whole", "box": box(505, 0, 60, 54),
                      "label": box(518, 5, 30, 12, "10 m")}]
        d["plot"] = box(90, 0, 900, 100)
        return d

    expect(marked(), None, "a group's total and a gap's length drawn whole pass")
    d = marked()
    d["groups"][0]["total_label"]["text"] = "5…"
    expect(d, "its total '5 y' is not shown whole", "a shortened total claimed whole is caught")
    d["groups"][0]["total"]["shown"] = "shortened"
    expect(d, None, "a shortened total the dump owns up to passes")
    expect(d, "its total '5 y' is shortened", "... but not under --strict", strict=True)
    d = marked()
    del d["groups"][0]["total_label"]
    d["groups"][0]["label"]["text"] = "Experience · 5 y"
    expect(d, None, "a total in the name's line (group.label: above) passes")
    d = marked()
    d["groups"][0]["total"]["shown"] = "shortened"
    expect(d, "says its total is shortened, but it is whole", "a false shortened total is caught")
    d = marked()
    del d["groups"][0]["gaps"][0]["label"]
    expect(d, "its length '10 m' is not shown whole", "a gap without its length is caught")
    d["groups"][0]["gaps"][0]["shown"] = "shortened"
    expect(d, None, "a gap whose length the dump says was left out passes")
    expect(d, "its length '10 m' is not drawn", "... but not under --strict", strict=True)
    d = marked()
    d["groups"][0]["gaps"][0]["label"]["x"] = 560
    expect(d, "is not over its band", "a gap's length away from its band is caught")
    d = marked()
    d["groups"][0]["gaps"][0]["label"]["y"] = 35
    expect(d, "labels overlap", "a gap's length over an entry's label is caught")
    d = marked()
    d["groups"][0]["gaps"][0]["box"]["h"] = 80
    expect(d, "leaves its group", "a band taller than its group is caught")
    d = marked()
    d["groups"][0]["gaps"][0]["box"]["x"] = 50
    expect(d, "leaves the plot", "a band outside the plot is caught")

    # The example CV as drawn before the completeness rule: EPFL's 2-month postdoc is
    # named nowhere. Marked as all-whole, its dump must fail on exactly that.
    status, out, err = run([exe, "--dump-layout", "--today", TODAY, "-W", "1200",
                            os.path.join(SRC, "data", "bruno-magalhaes.yaml")])
    if t.ok(status == 0, "the example's dump is written", err):
        dump = yaml.safe_load(out)
        marked = copy.deepcopy(dump)
        if "shown" not in str(marked):
            for g in marked["groups"]:
                for e in g["entries"]:
                    e["shown"] = "whole"
            for m in marked["milestones"]:
                m["shown"] = "whole"
            missing, _ = check.completeness(marked)
            t.ok(any("Postdoc researcher" in p for p in missing),
                 "the old example at 1200 px misses the postdoc role", "\n".join(missing))
        else:
            missing, _ = check.completeness(dump)
            t.ok(not missing, "the example at 1200 px shows everything", "\n".join(missing))
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
