#ifndef CWIDTH_H
#define CWIDTH_H

#include <stdint.h>

/// Columns a Unicode scalar takes in a terminal: wcwidth() under a UTF-8 LC_CTYPE.
/// Returns -1 for control characters, as wcwidth does.
int cwidth_scalar(uint32_t scalar);

/// Makes LC_CTYPE a UTF-8 locale if it is not one already (the environment's, else C.UTF-8).
/// Returns 1 when LC_CTYPE is UTF-8 afterwards, 0 when no UTF-8 locale exists.
int cwidth_ensure_utf8_ctype(void);

#endif
