#include "timeline.h"
