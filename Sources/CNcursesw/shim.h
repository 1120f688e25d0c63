#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// The wide-character API (wget_wch, cchar_t, setcchar) is declared only with this defined.
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <wchar.h>

// Replaces the C global `stdscr`, which Swift 6 refuses to read.
static inline WINDOW *cn_stdscr(void) { return stdscr; }

// Replaces `newterm(NULL, stdout, stdin)` (globals Swift 6 rejects); NULL, not exit, on failure.
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }

// Replaces a terminfo `cup` check, whose "absent" answers are NULL and the pointer (char *)-1.
static inline bool cn_can_move_cursor(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1;
}

// Replaces the C global `LINES`.
static inline int cn_lines(void) { return LINES; }

// Replaces the C global `COLS`.
static inline int cn_cols(void) { return COLS; }

// Replaces the macro `getmaxyx(stdscr, rows, columns)`.
static inline void cn_getmaxyx(int *rows, int *columns) {
  *rows = getmaxy(stdscr);
  *columns = getmaxx(stdscr);
}

// Replaces the macro `A_BOLD`.
static inline attr_t cn_attr_bold(void) { return A_BOLD; }

// Replaces the macro `A_REVERSE`.
static inline attr_t cn_attr_reverse(void) { return A_REVERSE; }

// Replaces the macro `A_UNDERLINE`.
static inline attr_t cn_attr_underline(void) { return A_UNDERLINE; }

// Replaces the macro `A_DIM`.
static inline attr_t cn_attr_dim(void) { return A_DIM; }

// Replaces the macro `COLOR_PAIR(n)`.
static inline attr_t cn_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

// Replaces the macro `KEY_F(n)`: the key code of function key n.
static inline int cn_key_f(int n) { return KEY_F(n); }

// Replaces the macro `get_wch(ch)`, which reads from `stdscr`.
static inline int cn_get_wch(wint_t *ch) { return wget_wch(stdscr, ch); }

// Replaces `wcwidth`, which glibc hides from Swift's Glibc module.
static inline int cn_wcwidth(wchar_t ch) { return wcwidth(ch); }

// Replaces `nl_langinfo(CODESET)`: the character set of the current LC_CTYPE.
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

#endif
