// memmem is a GNU extension that Swift's Glibc module does not expose.
#define _GNU_SOURCE
#include <string.h>

#include "cbytes.h"

const void *cbytes_find(const void *haystack, size_t haystack_length,
                        const void *needle, size_t needle_length) {
  if (needle_length == 0) {
    return NULL;
  }
  return memmem(haystack, haystack_length, needle, needle_length);
}
