#include "ydoc.h"
