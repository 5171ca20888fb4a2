/* Unit tests for sysio: which devices may be opened, and the waits: a pipe with data is
 * ready, one without gives up, and the inputs of a run share one budget. */
#include "sysio.h"

#include <fcntl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

typedef struct {
  mode_t type;
  unsigned maj, min;
  gboolean allowed;
} DeviceCase;

static const DeviceCase device_cases[] = {
    {S_IFREG, 0, 0, TRUE},   {S_IFDIR, 0, 0, TRUE},   {S_IFIFO, 0, 0, TRUE},
    {S_IFSOCK, 0, 0, TRUE},  {S_IFCHR, 1, 3, TRUE},   /* null */
    {S_IFCHR, 1, 5, TRUE},   /* zero */               {S_IFCHR, 1, 7, TRUE}, /* full */
    {S_IFCHR, 1, 8, TRUE},   /* random */             {S_IFCHR, 1, 9, TRUE}, /* urandom */
    {S_IFCHR, 5, 0, TRUE},   /* tty */                {S_IFCHR, 136, 4, TRUE}, /* pts */
    {S_IFCHR, 4, 1, TRUE},   /* a virtual console */  {S_IFCHR, 1, 1, FALSE},  /* mem */
    {S_IFCHR, 1, 2, FALSE},  /* kmem */               {S_IFCHR, 1, 4, FALSE},  /* port */
    {S_IFCHR, 1, 11, FALSE}, /* kmsg */               {S_IFCHR, 4, 64, FALSE}, /* ttyS0 */
    {S_IFCHR, 5, 2, FALSE},  /* ptmx */               {S_IFCHR, 10, 130, FALSE}, /* watchdog */
    {S_IFBLK, 8, 0, FALSE},  /* sda */                {S_IFBLK, 7, 0, FALSE},  /* loop0 */
};

static void test_may_open(void)
{
  for (guint i = 0; i < G_N_ELEMENTS(device_cases); i++) {
    const DeviceCase *c = &device_cases[i];
    struct stat st = {0};
    st.st_mode = c->type | 0600;
    st.st_rdev = makedev(c->maj, c->min);
    if (sysio_may_open(&st) != c->allowed)
      g_error("type %o, device %u,%u: expected %s", (unsigned)c->type, c->maj, c->min,
              c->allowed ? "allowed" : "refused");
  }
}

static void test_wait(void)
{
  int fds[2];
  g_assert_cmpint(pipe(fds), ==, 0);
  sysio_set_wait_limit(50);
  g_assert_cmpuint(sysio_wait_limit(), ==, 50);
  /* Nothing written: the wait gives up, for input and (the pipe is writable) not for
   * output. */
  g_assert_cmpint(sysio_wait_input(fds[0]), ==, 0);
  g_assert_cmpint(sysio_wait_output(fds[1]), ==, 1);
  /* The budget is spent: data that is there is still seen, but no more waiting. */
  g_assert_cmpint(write(fds[1], "x", 1), ==, 1);
  g_assert_cmpint(sysio_wait_input(fds[0]), ==, 1);
  char c;
  g_assert_cmpint(read(fds[0], &c, 1), ==, 1);
  g_assert_cmpint(sysio_wait_input(fds[0]), ==, 0);
  /* A new run, a new budget; a hang-up counts as ready (the read then sees the end). */
  sysio_reset_budget();
  close(fds[1]);
  g_assert_cmpint(sysio_wait_input(fds[0]), ==, 1);
  close(fds[0]);
  /* A full pipe with nobody reading: the output wait gives up. */
  g_assert_cmpint(pipe(fds), ==, 0);
  g_assert_cmpint(fcntl(fds[1], F_SETFL, O_NONBLOCK), ==, 0);
  char block[4096] = {0};
  while (write(fds[1], block, sizeof block) > 0) {
  }
  g_assert_cmpint(sysio_wait_output(fds[1]), ==, 0);
  close(fds[0]);
  close(fds[1]);
  sysio_set_wait_limit(SYSIO_DEFAULT_WAIT_MS);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/sysio/may-open", test_may_open);
  g_test_add_func("/sysio/wait", test_wait);
  return g_test_run();
}
