// memmem is a GNU extension that Swift's Glibc module does not expose.
#define _GNU_SOURCE
#include <string.h>

#include "cbytes.h"

// Below this many bytes a plain scan beats memmem, whose set-up for each call costs more
// than one lead's text takes to read.
enum { CBYTES_SHORT_HAYSTACK = 256 };

// Each place checked on the needle's first and last bytes before the rest is compared: two
// loads a place, and for UTF-8 text the pair rules out nearly every place at once.
static const void *cbytes_scan(const unsigned char *haystack, size_t haystack_length,
                               const unsigned char *needle, size_t needle_length) {
  const size_t last = needle_length - 1;
  const unsigned char first_byte = needle[0];
  const unsigned char last_byte = needle[last];
  const size_t places = haystack_length - last;
  for (size_t place = 0; place < places; place++) {
    if (haystack[place] == first_byte && haystack[place + last] == last_byte &&
        memcmp(haystack + place, needle, last) == 0) {
      return haystack + place;
    }
  }
  return NULL;
}

const void *cbytes_find(const void *haystack, size_t haystack_length,
                        const void *needle, size_t needle_length) {
  if (needle_length == 0 || needle_length > haystack_length) {
    return NULL;
  }
  if (haystack_length < CBYTES_SHORT_HAYSTACK) {
    return cbytes_scan(haystack, haystack_length, needle, needle_length);
  }
  return memmem(haystack, haystack_length, needle, needle_length);
}
