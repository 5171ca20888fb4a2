/* sysio: devices that may be opened, and waits on pipes and FIFOs with a bound (README
 * "Limits and guarantees"). The monotonic clock read here only bounds waiting; it never
 * reaches the output. */
#include "sysio.h"

#include <errno.h>
#include <poll.h>
#include <sys/sysmacros.h>

gboolean sysio_may_open(const struct stat *st)
{
  if (!S_ISCHR(st->st_mode) && !S_ISBLK(st->st_mode))
    return TRUE;
  if (S_ISBLK(st->st_mode))
    return FALSE; /* a disk: nothing to read a CV from, and never to be written over */
  unsigned maj = major(st->st_rdev), min = minor(st->st_rdev);
  switch (maj) {
  case 1: /* memory devices: not mem (1), kmem (2), port (4) nor kmsg (11) */
    return min == 3 || min == 5 || min == 7 || min == 8 || min == 9;
  case 4: /* virtual consoles; not serial lines (64 and up), whose opening resets boards */
    return min < 64;
  case 5: /* /dev/tty and /dev/console; not /dev/ptmx */
    return min == 0 || min == 1;
  default:
    return maj >= 136 && maj <= 143; /* pseudo-terminals (/dev/pts/N) */
  }
}

static guint wait_limit_ms = SYSIO_DEFAULT_WAIT_MS;
static gint64 input_waited_us; /* of this run's input budget */

void sysio_set_wait_limit(guint ms)
{
  wait_limit_ms = ms;
  input_waited_us = 0;
}

guint sysio_wait_limit(void)
{
  return wait_limit_ms;
}

void sysio_reset_budget(void)
{
  input_waited_us = 0;
}

/* Polls @fd for @events for at most @allowed_us, through interruptions; adds the time
 * spent to @waited_us. */
static int wait_for(int fd, short events, gint64 allowed_us, gint64 *waited_us)
{
  struct pollfd p = {.fd = fd, .events = events};
  for (;;) {
    gint64 left = MAX(allowed_us - *waited_us, 0);
    gint64 start = g_get_monotonic_time();
    /* Rounded up, so that a wait never ends a little before the limit. */
    int r = poll(&p, 1, (int)MIN((left + 999) / 1000, (gint64)G_MAXINT));
    int err = errno;
    *waited_us += g_get_monotonic_time() - start;
    if (r > 0)
      return 1;
    if (r == 0)
      return 0;
    if (err != EINTR) {
      errno = err;
      return -1;
    }
  }
}

int sysio_wait_input(int fd)
{
  return wait_for(fd, POLLIN, (gint64)wait_limit_ms * 1000, &input_waited_us);
}

int sysio_wait_output(int fd)
{
  gint64 waited = 0;
  return wait_for(fd, POLLOUT, (gint64)wait_limit_ms * 1000, &waited);
}
