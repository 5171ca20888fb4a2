/* Looks up the text files tools/embed_text.py built into the binary (embed.h). */
#include "embed.h"

#include <string.h>

const char *embed_get(const char *name)
{
  for (unsigned i = 0; name != NULL && i < embed_files_count; i++)
    if (strcmp(embed_files[i].name, name) == 0)
      return embed_files[i].text;
  return NULL;
}
