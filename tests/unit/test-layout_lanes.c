/* Unit tests of layout_lanes.c: lanes in reading order, sharing where labels allow,
 * label options chosen together with the breaks, caption bands. */
#include "layout_lanes.h"

static const LayoutLaneCosts costs = {.gap = 8, .lane_cost = 30, .caption_cost = 14};

/* A bar [x0, x1] labelled inside: the bar's span only. */
static LayoutLaneOption inside(double x0, double x1)
{
  return (LayoutLaneOption){x0, x1, 0, 0, 0};
}

static LayoutLaneOption opt(double lo, double hi, double cost)
{
  return (LayoutLaneOption){lo, hi, 0, 0, cost};
}

static LayoutLaneOption caption(double lo, double hi, double cap_lo, double cap_hi, double cost)
{
  return (LayoutLaneOption){lo, hi, cap_lo, cap_hi, cost};
}

static void test_empty(void)
{
  g_assert_cmpuint(layout_lanes_assign(NULL, 0, &costs, NULL, NULL), ==, 0);
}

static void test_sequential_share(void)
{
  LayoutLaneOption o[4] = {inside(0, 100), inside(110, 200), inside(208, 300), inside(305, 400)};
  LayoutLaneItem items[4];
  for (int i = 0; i < 4; i++)
    items[i] = (LayoutLaneItem){&o[i], 1};
  guint lanes[4], opts[4];
  /* 200 + 8 <= 208 shares; 300 + 8 > 305 breaks. */
  g_assert_cmpuint(layout_lanes_assign(items, 4, &costs, lanes, opts), ==, 2);
  g_assert_cmpuint(lanes[0], ==, 0);
  g_assert_cmpuint(lanes[1], ==, 0);
  g_assert_cmpuint(lanes[2], ==, 0);
  g_assert_cmpuint(lanes[3], ==, 1);
}

/* Overlapping items each take the next lane down: never back up, even where an upper
 * lane is free again (that would break the reading order). */
static void test_overlap_goes_down(void)
{
  LayoutLaneOption o[3] = {inside(0, 100), inside(50, 150), inside(120, 300)};
  LayoutLaneItem items[3];
  for (int i = 0; i < 3; i++)
    items[i] = (LayoutLaneItem){&o[i], 1};
  guint lanes[3], opts[3];
  g_assert_cmpuint(layout_lanes_assign(items, 3, &costs, lanes, opts), ==, 3);
  g_assert_cmpuint(lanes[2], ==, 2); /* lane 0 is free at 120, but reads before item 1 */
}

/* A's label to the right would run into B; A's label to the left (dearer) lets them
 * share: the programme sees that, a greedy first choice would not. */
static void test_labels_chosen_for_sharing(void)
{
  LayoutLaneOption a[2] = {opt(100, 260, 0), opt(-60, 140, 2)};
  LayoutLaneOption b[2] = {opt(150, 300, 0), opt(20, 200, 2)};
  LayoutLaneItem items[2] = {{a, 2}, {b, 2}};
  guint lanes[2], opts[2];
  g_assert_cmpuint(layout_lanes_assign(items, 2, &costs, lanes, opts), ==, 1);
  g_assert_cmpuint(opts[0], ==, 1);
  g_assert_cmpuint(opts[1], ==, 0);
  /* When sharing is impossible anyway, each takes its cheapest option. */
  LayoutLaneOption c[2] = {opt(100, 260, 0), opt(90, 260, 2)};
  LayoutLaneItem items2[2] = {{a, 2}, {c, 2}};
  g_assert_cmpuint(layout_lanes_assign(items2, 2, &costs, lanes, opts), ==, 2);
  g_assert_cmpuint(opts[0], ==, 0);
  g_assert_cmpuint(opts[1], ==, 0);
}

static void test_tie_keeps_first_option(void)
{
  LayoutLaneOption a[3] = {opt(0, 50, 1), opt(0, 50, 1), opt(0, 40, 1)};
  LayoutLaneItem items[1] = {{a, 3}};
  guint lanes[1], opts[1];
  layout_lanes_assign(items, 1, &costs, lanes, opts);
  g_assert_cmpuint(opts[0], ==, 2); /* equal cost: the one leaving more room */
  LayoutLaneOption b[2] = {opt(0, 50, 1), opt(0, 50, 1)};
  LayoutLaneItem items2[1] = {{b, 2}};
  layout_lanes_assign(items2, 1, &costs, lanes, opts);
  g_assert_cmpuint(opts[0], ==, 0);
}

/* A caption under the bar costs a band once per lane, and two captions in one band
 * must not touch. */
static void test_captions(void)
{
  /* B beside would collide with C; B's caption lets B and C share: one lane and a
   * band (14) beat two lanes (30). */
  LayoutLaneOption a[1] = {inside(0, 100)};
  LayoutLaneOption b[2] = {opt(110, 400, 0), caption(110, 200, 110, 380, 1)};
  LayoutLaneOption c[1] = {inside(220, 300)};
  LayoutLaneItem items[3] = {{a, 1}, {b, 2}, {c, 1}};
  guint lanes[3], opts[3];
  g_assert_cmpuint(layout_lanes_assign(items, 3, &costs, lanes, opts), ==, 1);
  g_assert_cmpuint(opts[1], ==, 1);
  /* Two captions that overlap in the band cannot share a lane... */
  LayoutLaneOption d[1] = {caption(220, 300, 220, 420, 0)};
  LayoutLaneItem items2[2] = {{b + 1, 1}, {d, 1}};
  g_assert_cmpuint(layout_lanes_assign(items2, 2, &costs, lanes, opts), ==, 2);
  /* ... two that do not, can. */
  LayoutLaneOption e[1] = {caption(390, 450, 390, 470, 0)};
  LayoutLaneItem items3[2] = {{b + 1, 1}, {e, 1}};
  g_assert_cmpuint(layout_lanes_assign(items3, 2, &costs, lanes, opts), ==, 1);
  /* A caption that saves nothing is not taken. */
  LayoutLaneOption f[2] = {inside(0, 100), caption(0, 100, 0, 200, 0)};
  LayoutLaneItem items4[1] = {{f, 2}};
  layout_lanes_assign(items4, 1, &costs, lanes, opts);
  g_assert_cmpuint(opts[0], ==, 0);
}

/* 100,000 entries, sequential in pairs: lanes alternate as the pairs overlap. The
 * programme is linear in the entries; no timing is asserted. */
static void test_many(void)
{
  guint n = 100000;
  LayoutLaneOption *o = g_new(LayoutLaneOption, 2 * (gsize)n);
  LayoutLaneItem *items = g_new(LayoutLaneItem, n);
  for (guint i = 0; i < n; i++) {
    double x = (double)(i / 2) * 100 + (i % 2) * 40;
    o[2 * i] = opt(x, x + (i % 2 ? 50 : 60), 0); /* the first overlaps its pair's second */
    o[2 * i + 1] = opt(x, x + 30, 5);  /* a shorter label that lets it share */
    items[i] = (LayoutLaneItem){&o[2 * i], 2};
  }
  guint *lanes = g_new(guint, n), *opts = g_new(guint, n);
  g_assert_cmpuint(layout_lanes_assign(items, n, &costs, lanes, opts), ==, 1);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint(opts[i], ==, i % 2 == 0 ? 1 : 0);
  g_free(o);
  g_free(items);
  g_free(lanes);
  g_free(opts);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/layout_lanes/empty", test_empty);
  g_test_add_func("/layout_lanes/sequential-share", test_sequential_share);
  g_test_add_func("/layout_lanes/overlap-goes-down", test_overlap_goes_down);
  g_test_add_func("/layout_lanes/labels-chosen-for-sharing", test_labels_chosen_for_sharing);
  g_test_add_func("/layout_lanes/tie", test_tie_keeps_first_option);
  g_test_add_func("/layout_lanes/captions", test_captions);
  g_test_add_func("/layout_lanes/many", test_many);
  return g_test_run();
}
