/* Unit tests of layout_tiers.c: milestone labels whole, apart, near their markers, with
 * leaders that cross no label; the list for what does not fit. */
#include "layout_tiers.h"

static const LayoutTierParams params = {
    .left = 0, .right = 1000, .flag_gap = 4, .gap = 12, .max_tiers = 3, .above = TRUE};

/* Checks every promise of a placement: inside [left, right], never shortened (the box
 * is the label's width), no two labels of one tier within the gap, no leader through a
 * label of another marker, each label starting or ending at its marker. */
static void check_placement(const LayoutTierMarker *m, guint n, const LayoutTierParams *p,
                            const LayoutTierPlace *pl)
{
  for (guint i = 0; i < n; i++) {
    if (pl[i].half == LAYOUT_TIER_LISTED)
      continue;
    double a = pl[i].a, b = a + m[i].w;
    g_assert_cmpfloat(a, >=, p->left - 1e-9);
    g_assert_cmpfloat(b, <=, p->right + 1e-9);
    g_assert_cmpuint(pl[i].tier + m[i].lines, <=, p->max_tiers);
    g_assert_cmpfloat_with_epsilon(pl[i].left ? m[i].x - p->flag_gap - b : a - m[i].x - p->flag_gap,
                                   0, 1e-6);
    if (!p->above)
      g_assert_cmpint(pl[i].half, ==, LAYOUT_TIER_BELOW);
    for (guint j = 0; j < n; j++) {
      if (j == i || pl[j].half != pl[i].half)
        continue;
      guint ti0 = pl[i].tier, ti1 = ti0 + m[i].lines, tj0 = pl[j].tier, tj1 = tj0 + m[j].lines;
      double aj = pl[j].a, bj = aj + m[j].w;
      if (ti0 < tj1 && tj0 < ti1)
        g_assert_true(b + p->gap <= aj || bj + p->gap <= a);
      /* j's leader runs through tiers [0, tj0): never through i's lines. */
      if (ti0 < tj0)
        g_assert_false(m[j].x >= a - 2 && m[j].x <= b + 2);
    }
  }
}

static void test_empty(void)
{
  g_assert_cmpuint(layout_tiers_place(NULL, 0, &params, NULL), ==, 0);
}

static void test_one(void)
{
  LayoutTierMarker m[1] = {{500, 100, 1}};
  LayoutTierPlace pl[1];
  g_assert_cmpuint(layout_tiers_place(m, 1, &params, pl), ==, 0);
  g_assert_cmpint(pl[0].half, ==, LAYOUT_TIER_BELOW); /* hanging from the track */
  g_assert_cmpuint(pl[0].tier, ==, 0);
  g_assert_false(pl[0].left);
  g_assert_cmpfloat(pl[0].a, ==, 504);
  /* At the right edge, the label turns left of its marker, whole. */
  m[0].x = 950;
  layout_tiers_place(m, 1, &params, pl);
  g_assert_true(pl[0].left);
  g_assert_cmpfloat(pl[0].a, ==, 846);
  /* Wider than the room on either side: listed, never shortened. */
  m[0] = (LayoutTierMarker){500, 600, 1};
  g_assert_cmpuint(layout_tiers_place(m, 1, &params, pl), ==, 1);
  g_assert_cmpint(pl[0].half, ==, LAYOUT_TIER_LISTED);
}

/* Two close markers turn their labels apart in one tier; a third between them takes the
 * other half before any second tier. */
static void test_two_halves(void)
{
  LayoutTierMarker m[3] = {{500, 200, 1}, {510, 100, 1}, {520, 200, 1}};
  LayoutTierPlace pl[3];
  g_assert_cmpuint(layout_tiers_place(m, 1, &params, pl), ==, 0);
  LayoutTierMarker two[2] = {m[0], m[2]};
  g_assert_cmpuint(layout_tiers_place(two, 2, &params, pl), ==, 0);
  check_placement(two, 2, &params, pl);
  g_assert_cmpuint(layout_tiers_used(two, 2, pl, LAYOUT_TIER_BELOW), ==, 1);
  g_assert_cmpuint(layout_tiers_used(two, 2, pl, LAYOUT_TIER_ABOVE), ==, 0);
  g_assert_cmpint(pl[0].left, !=, pl[1].left);
  g_assert_cmpuint(layout_tiers_place(m, 3, &params, pl), ==, 0);
  check_placement(m, 3, &params, pl);
  g_assert_cmpuint(layout_tiers_used(m, 3, pl, LAYOUT_TIER_BELOW), ==, 1);
  g_assert_cmpuint(layout_tiers_used(m, 3, pl, LAYOUT_TIER_ABOVE), ==, 1);
  /* Below only: a second tier, the outer leader clear of the inner labels. */
  LayoutTierParams below = params;
  below.above = FALSE;
  layout_tiers_place(m, 3, &below, pl);
  check_placement(m, 3, &below, pl);
  g_assert_cmpuint(layout_tiers_used(m, 3, pl, LAYOUT_TIER_BELOW), ==, 2);
}

/* The example CV's crowded right end at 1200 px (Inter 10 widths): seven markers, one
 * a pair from the same year, fit whole in two tiers on each half; a greedy pass alone
 * would list one. */
static void test_example_end(void)
{
  LayoutTierMarker m[7] = {{448, 202, 1}, {668, 150, 1}, {843, 216, 2}, {887, 270, 1},
                           {975, 199, 1}, {1019, 115, 1}, {1063, 201, 1}};
  LayoutTierParams p = params;
  p.left = 32;
  p.right = 1168;
  LayoutTierPlace pl[7];
  g_assert_cmpuint(layout_tiers_place(m, 7, &p, pl), ==, 0);
  check_placement(m, 7, &p, pl);
  g_assert_cmpuint(layout_tiers_used(m, 7, pl, LAYOUT_TIER_ABOVE), <=, 2);
  g_assert_cmpuint(layout_tiers_used(m, 7, pl, LAYOUT_TIER_BELOW), <=, 2);
}

static void test_stack(void)
{
  LayoutTierMarker m[2] = {{300, 150, 3}, {320, 100, 1}};
  LayoutTierPlace pl[2];
  g_assert_cmpuint(layout_tiers_place(m, 2, &params, pl), ==, 0);
  check_placement(m, 2, &params, pl);
  /* A stack taller than the tiers is listed. */
  LayoutTierMarker tall[1] = {{300, 50, 4}};
  g_assert_cmpuint(layout_tiers_place(tall, 1, &params, pl), ==, 1);
}

/* Far more milestones than room (25 papers in a year, and a run of 100,000): what is
 * placed keeps every promise; the rest is listed. */
static void test_crowded(void)
{
  guint n = 25;
  LayoutTierMarker m[25];
  for (guint i = 0; i < n; i++)
    m[i] = (LayoutTierMarker){400 + 8.0 * i, 120 + 7.0 * (i % 5), 1};
  LayoutTierPlace pl[25];
  guint listed = layout_tiers_place(m, n, &params, pl);
  g_assert_cmpuint(listed, >, 0);
  g_assert_cmpuint(listed, <, n);
  check_placement(m, n, &params, pl);

  guint big = 100000;
  LayoutTierMarker *mb = g_new(LayoutTierMarker, big);
  LayoutTierPlace *pb = g_new(LayoutTierPlace, big);
  GRand *rand = g_rand_new_with_seed(12);
  double x = 0;
  for (guint i = 0; i < big; i++) {
    x += g_rand_double_range(rand, 0, 3);
    mb[i] = (LayoutTierMarker){x, g_rand_double_range(rand, 5, 80), 1 + (i % 7 == 0)};
  }
  LayoutTierParams wide = params;
  wide.right = x + 100;
  layout_tiers_place(mb, big, &wide, pb);
  /* Spot checks: the full pairwise check would be quadratic. */
  check_placement(mb, 300, &wide, pb);
  g_rand_free(rand);
  g_free(mb);
  g_free(pb);
}

/* A label next to the track right over another marker reads as that one's: where it
 * costs no further tier, the placement keeps them apart (visual review 1, item 2). */
static void test_over_marker(void)
{
  /* A's label reaches over B's marker on either half; B's label fits anywhere. */
  LayoutTierMarker m[2] = {{100, 150, 1}, {180, 30, 1}};
  LayoutTierPlace pl[2];
  LayoutTierParams p = params;
  p.marker = 9;
  g_assert_cmpuint(layout_tiers_place(m, 2, &p, pl), ==, 0);
  check_placement(m, 2, &p, pl);
  for (guint i = 0; i < 2; i++)
    if (pl[i].tier == 0)
      g_assert_false(m[1 - i].x >= pl[i].a - p.marker && m[1 - i].x <= pl[i].a + m[i].w + p.marker);
  /* Two tiers either way: the one over a marker is the worse. */
  g_assert_cmpuint(layout_tiers_used(m, 2, pl, LAYOUT_TIER_ABOVE) +
                       layout_tiers_used(m, 2, pl, LAYOUT_TIER_BELOW),
                   ==, 2);
  /* Without the rule, the nearest places win and A's label covers B. */
  p.marker = 0;
  layout_tiers_place(m, 2, &p, pl);
  g_assert_cmpuint(pl[0].tier, ==, 0);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/layout_tiers/empty", test_empty);
  g_test_add_func("/layout_tiers/one", test_one);
  g_test_add_func("/layout_tiers/two-halves", test_two_halves);
  g_test_add_func("/layout_tiers/example-end", test_example_end);
  g_test_add_func("/layout_tiers/stack", test_stack);
  g_test_add_func("/layout_tiers/crowded", test_crowded);
  g_test_add_func("/layout_tiers/over-marker", test_over_marker);
  return g_test_run();
}
