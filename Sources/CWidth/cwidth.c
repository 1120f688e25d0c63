#define _XOPEN_SOURCE 700
#include "cwidth.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

int cwidth_scalar(uint32_t scalar) {
  return wcwidth((wchar_t)scalar);
}

static int ctype_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

int cwidth_ensure_utf8_ctype(void) {
  if (ctype_is_utf8()) return 1;
  if (setlocale(LC_CTYPE, "") != NULL && ctype_is_utf8()) return 1;
  if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && ctype_is_utf8()) return 1;
  return 0;
}
