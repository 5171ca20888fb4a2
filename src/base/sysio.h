/* sysio: what reading inputs and writing the output share about special files: which
 * devices may be opened at all, and bounded waiting on pipes and FIFOs, so that no input
 * or output can make a run hang (README "Limits and guarantees"). */
#pragma once

#include <glib.h>
#include <sys/stat.h>

#define SYSIO_DEFAULT_WAIT_MS 10000u

/* TRUE when @st (from stat, links followed) is something cvtimeline may open: a regular
 * file, a folder (refused later with its own message), a FIFO, a socket, or one of the
 * character devices that have no side effect when opened, read or written (/dev/null,
 * zero, full, random, urandom, terminals). Other devices (disks, /dev/mem, /dev/port, a
 * watchdog, which arms itself when opened) are refused before they are opened. */
gboolean sysio_may_open(const struct stat *st);

/* The limit on each wait, in milliseconds: main sets it from CVTIMELINE_PIPE_TIMEOUT.
 * Setting it also starts a new input budget (sysio_wait_input). */
void sysio_set_wait_limit(guint ms);
guint sysio_wait_limit(void);

/* Starts a new input budget: all the inputs of one run share one wait limit, so that a
 * CV and a style that are both FIFOs without a writer give up after one limit, not two. */
void sysio_reset_budget(void);

/* Waits until @fd is ready for @events (POLLIN or POLLOUT; a hang-up or an error counts
 * as ready, the next read or write tells which). sysio_wait_input draws on the run's
 * input budget, sysio_wait_output allows the whole limit each time. Returns 1 when ready,
 * 0 when the time ran out, -1 with errno set when poll failed. */
int sysio_wait_input(int fd);
int sysio_wait_output(int fd);
