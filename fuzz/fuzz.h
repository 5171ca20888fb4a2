/* fuzz: what the libFuzzer targets share: the libFuzzer entry points (also called by
 * the replay driver, replay.c, in ordinary builds) and the reader options and setup
 * every target uses, so that a run is deterministic (no clock, pinned fonts). */
#pragma once

#include "reader.h"
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Criticals and warnings from GLib abort, so the fuzzer reports them as crashes; pins
 * FONTCONFIG_FILE to the tests' DejaVu-only configuration unless already set. */
void fuzz_setup(void);

/* The reader options of every target: fixed `today`, so `present` never reads the clock.
 * @format is a reader's name, or NULL to detect; an unknown name aborts. */
ReaderOptions fuzz_reader_options(const char *format);
