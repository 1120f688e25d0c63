#ifndef CBYTES_H
#define CBYTES_H

#include <stddef.h>

/// The first occurrence of `needle` in `haystack`, or NULL: the C library's memmem, or for a
/// short haystack a plain scan that costs no set-up.
/// An empty needle is not looked for: NULL.
const void *cbytes_find(const void *haystack, size_t haystack_length,
                        const void *needle, size_t needle_length);

#endif
