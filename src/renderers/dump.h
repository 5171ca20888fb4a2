/* dump: the layout dump (--dump-layout, doc/layout-dump.md) as one YAML
 * document, written with libyaml's emitter; numbers in the C locale. */
#pragma once

#include "layout.h"
#include <glib.h>

/* Serialises @scene. Returns a new string owned by the caller. */
char *dump_layout(const LayoutScene *scene);
