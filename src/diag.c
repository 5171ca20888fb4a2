#include "diag.h"
