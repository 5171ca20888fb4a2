#!/usr/bin/env python3
"""Writes a deterministic, realistic native CV of N items (entries + milestones) for the
benchmark: overlapping jobs, successive roles, separate periods, approximate dates,
degrees, visits, custom groups, classes, milestones, short and long labels. The same N
always gives the same bytes (a fixed seed, no clock).

    python3 bench/gen-cv.py N > cv.yaml
    python3 bench/gen-cv.py --roles N > cv.yaml   # one job of N successive roles
"""
import random
import sys

WORDS = ("data platform systems research compute neural graph cloud storage network "
         "security mobile web search vision language robotics quantum climate energy "
         "health genomics finance markets retail logistics media audio video games "
         "hardware compilers databases kernels embedded sensors maps ads trust safety").split()
TITLES = ["Engineer", "Senior Engineer", "Staff Engineer", "Researcher", "Intern",
          "Scientist", "Lead", "Manager", "Analyst", "Architect", "Consultant", "Advisor",
          "Principal Engineer", "Postdoctoral Fellow", "Lecturer", "Professor",
          "Research Engineer for Large-scale Distributed Training Infrastructure",
          "Head of Developer Experience and Internal Tooling", "CTO", "Founder"]
ORG_KINDS = ["Labs", "Research", "Systems", "Institute", "University", "GmbH", "Inc.",
             "Foundation", "Group", "Technologies", "AG", "SA"]
CITIES = ["Zurich", "London", "Lisbon", "Porto", "Lausanne", "Cambridge, UK", "Boston",
          "Tokyo", "Berlin", "Paris", "Singapore", "Toronto", "São Paulo", "Kraków"]
DEGREES = ["BSc", "MSc", "PhD", "MEng", "Diploma", "Certificate"]
FIELDS = ["Computer Science", "Computational Neuroscience", "Applied Mathematics",
          "Systems Engineering and Computer Science", "Physics", "Statistics",
          "Electrical Engineering", "Bioinformatics"]
CUSTOM = ["Teaching", "Service", "Volunteering", "Open source", "Talks"]
SEASONS = ["spring", "summer", "autumn", "winter"]
FIRST_YEAR, LAST_YEAR = 1960, 2025


def q(s):
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def org(self):
        r = self.r
        n = r.choice([1, 1, 2, 2, 3, 5])
        name = " ".join(w.capitalize() for w in r.sample(WORDS, n))
        return f"{name} {r.choice(ORG_KINDS)}"

    def month(self, year=None):
        r = self.r
        y = year if year is not None else r.randint(FIRST_YEAR, LAST_YEAR)
        return y, r.randint(1, 12)

    def add_months(self, y, m, n):
        t = y * 12 + (m - 1) + n
        return t // 12, t % 12 + 1

    def span(self, min_months, max_months):
        y, m = self.month()
        ey, em = self.add_months(y, m, self.r.randint(min_months, max_months))
        if ey * 12 + em > 2026 * 12 + 10:
            return f"{y}-{m:02d}", "present"
        return f"{y}-{m:02d}", f"{ey}-{em:02d}"

    def job(self, out):
        r = self.r
        kind = r.random()
        org = self.org()
        cls = "\n    class: highlight" if r.random() < 0.05 else ""
        loc = f"\n    location: {q(r.choice(CITIES))}" if r.random() < 0.2 else ""
        if kind < 0.15:  # successive roles at one employer; each ends where the next starts
            y, m = self.month()
            out.append(f"  - org: {q(org)}{loc}{cls}\n    roles:")
            k = r.randint(2, 3)
            for i in range(k):
                end = ""
                if i == k - 1:
                    ey, em = self.add_months(y, m, r.randint(6, 40))
                    end = f", end: {ey}-{em:02d}"
                out.append(f"      - {{title: {q(r.choice(TITLES))}, start: {y}-{m:02d}{end}}}")
                y, m = self.add_months(y, m, r.randint(6, 40))
        elif kind < 0.25:  # separate periods of one thing
            y = r.randint(FIRST_YEAR, LAST_YEAR - 6)
            ps = sorted(r.sample(range(y, y + 6), r.randint(2, 3)))
            items = ", ".join(f"{r.choice(SEASONS)} {p}" for p in ps)
            out.append(f"  - title: {q(r.choice(TITLES))}\n    org: {q(org)}{loc}{cls}\n"
                       f"    periods: [{items}]")
        else:
            start, end = self.span(3, 96)
            if r.random() < 0.08:  # approximate dates, drawn with faded ends
                start, end = "~" + start, end if end == "present" else "~" + end
            out.append(f"  - title: {q(r.choice(TITLES))}\n    org: {q(org)}{loc}{cls}\n"
                       f"    start: {start}\n    end: {end}")

    def degree(self, out):
        r = self.r
        start, end = self.span(10, 60)
        out.append(f"  - title: {q(r.choice(DEGREES) + ' ' + r.choice(FIELDS))}\n"
                   f"    org: {q(self.org())}\n    start: {start}\n    end: {end}")

    def visit(self, out):
        r = self.r
        if r.random() < 0.5:
            y = r.randint(FIRST_YEAR, LAST_YEAR)
            when = f"date: {r.choice(SEASONS)} {y}"
        else:
            y = r.randint(FIRST_YEAR, LAST_YEAR - 1)
            when = f"periods: [{y}/{(y + 1) % 100:02d}]"
        out.append(f"  - title: {q(r.choice(['Visiting researcher', 'Exchange student', 'Guest']))}\n"
                   f"    org: {q(self.org())}\n    {when}")

    def custom(self, out):
        r = self.r
        start, end = self.span(1, 48)
        out.append(f"    - {{title: {q(r.choice(TITLES))}, org: {q(self.org())}, "
                   f"start: {start}, end: {end}}}")

    def milestone(self, out):
        r = self.r
        y, m = self.month()
        title = " ".join(r.sample(WORDS, r.randint(1, 6))).capitalize()
        cls = ", class: highlight" if r.random() < 0.1 else ""
        out.append(f"  - {{date: {y}-{m:02d}, title: {q(title)}{cls}}}")


def one_job_roles(n):
    """One job at one organisation with N successive roles, a month each from year 1000
    (the roles' cost alone: settling, segment labels, tooltips)."""
    out = [f"# Generated by bench/gen-cv.py --roles {n}: one job, {n} roles.",
           f"name: {q('Benchmark Roles ' + str(n))}", "today: 2026-11-25", "", "jobs:",
           "  - org: Big Research", "    location: Cambridge, UK", "    roles:"]
    for i in range(n):
        y, m = 1000 + i // 12, i % 12 + 1
        out.append(f"      - {{title: {q('Role ' + str(i))}, start: {y}-{m:02d}, end: {y}-{m:02d}}}")
    sys.stdout.write("\n".join(out) + "\n")


def main():
    if sys.argv[1] == "--roles":
        one_job_roles(int(sys.argv[2]))
        return
    n = int(sys.argv[1])
    g = Gen(n)
    # Shares of the N items: most are jobs, as on a real CV.
    n_ms = n // 10
    n_edu = max(1, n // 10)
    n_vis = max(1, n // 20)
    n_custom = n // 10
    n_jobs = max(1, n - n_ms - n_edu - n_vis - n_custom)
    out = [f"# Generated by bench/gen-cv.py {n}: {n_jobs + n_edu + n_vis + n_custom} entries, "
           f"{n_ms} milestones.",
           f"name: {q('Benchmark Person ' + str(n))}",
           "headline: Generated for the benchmark (bench/gen-cv.py)",
           "today: 2026-11-25", "", "jobs:"]
    for _ in range(n_jobs):
        g.job(out)
    out.append("education:")
    for _ in range(n_edu):
        g.degree(out)
    out.append("visiting:")
    for _ in range(n_vis):
        g.visit(out)
    if n_custom:
        out.append("groups:")
        per = -(-n_custom // len(CUSTOM))
        left = n_custom
        for name in CUSTOM:
            k = min(per, left)
            if k <= 0:
                break
            out.append(f"  {name}:")
            for _ in range(k):
                g.custom(out)
            left -= k
    if n_ms:
        out.append("milestones:")
        for _ in range(n_ms):
            g.milestone(out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
