/* cvtimeline: the command line (spec/cli.md). Parses options, wires the pipeline
 * ydoc -> reader -> timeline -> layout -> render -> output, maps results to exit codes. */
#include "config.h"
int main(void);
int main(void)
{
  return 0;
}
