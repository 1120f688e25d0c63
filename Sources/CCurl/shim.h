#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, so Swift cannot call them: each use the
 * transport needs gets a typed wrapper here. */

/* Receives response body bytes; returning less than size * count aborts the transfer. */
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);
/* Reports transfer progress; returning non-zero aborts the transfer. */
typedef int (*ccurl_progress_callback)(void *context, curl_off_t download_total,
                                       curl_off_t download_now, curl_off_t upload_total,
                                       curl_off_t upload_now);

/* Replaces curl_global_init(CURL_GLOBAL_ALL): the flag macro does not import. */
static inline CURLcode ccurl_global_init_all(void) { return curl_global_init(CURL_GLOBAL_ALL); }

/* Replaces curl_easy_setopt(h, CURLOPT_URL, url). */
static inline CURLcode ccurl_set_url(CURL *h, const char *url) {
  return curl_easy_setopt(h, CURLOPT_URL, url);
}

/* Replaces curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, list) and its redirect twin. */
static inline CURLcode ccurl_set_protocols(CURL *h, const char *list) {
  CURLcode code = curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, list);
  return code != CURLE_OK ? code : curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, list);
}

/* Replaces curl_easy_setopt(h, CURLOPT_NOSIGNAL, on): no SIGALRM for timeouts in threads. */
static inline CURLcode ccurl_set_no_signal(CURL *h, long on) {
  return curl_easy_setopt(h, CURLOPT_NOSIGNAL, on);
}

/* Replaces curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, on). */
static inline CURLcode ccurl_set_follow_location(CURL *h, long on) {
  return curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, on);
}

/* Replaces curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, ms). */
static inline CURLcode ccurl_set_connect_timeout_ms(CURL *h, long ms) {
  return curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, ms);
}

/* Replaces curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, ms). */
static inline CURLcode ccurl_set_timeout_ms(CURL *h, long ms) {
  return curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, ms);
}

/* Replaces curl_easy_setopt(h, CURLOPT_NOPROXY, hosts). */
static inline CURLcode ccurl_set_no_proxy(CURL *h, const char *hosts) {
  return curl_easy_setopt(h, CURLOPT_NOPROXY, hosts);
}

/* Replaces curl_easy_setopt(h, CURLOPT_CAINFO, path). */
static inline CURLcode ccurl_set_ca_file(CURL *h, const char *path) {
  return curl_easy_setopt(h, CURLOPT_CAINFO, path);
}

/* Replaces curl_easy_setopt(h, CURLOPT_HTTPGET, 1L). */
static inline CURLcode ccurl_set_http_get(CURL *h) {
  return curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
}

/* Replaces CURLOPT_POSTFIELDSIZE_LARGE then CURLOPT_COPYPOSTFIELDS: size first, so NULs survive. */
static inline CURLcode ccurl_set_post_body(CURL *h, const char *bytes, curl_off_t size) {
  CURLcode code = curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, size);
  return code != CURLE_OK ? code : curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, bytes);
}

/* A request body libcurl can send once only. Its read position never goes back: when a kept
   connection turns out closed after the request went out, libcurl's own resend on a new
   connection needs a rewind, the seek fails, and the transfer ends with
   CURLE_SEND_FAIL_REWIND instead of giving the server the body twice. (libcurl 8.16 has
   CURLOPT_FORBID_RETRY_ON_REUSE for this; Debian 12's 7.88 does not.) */
struct ccurl_once_body {
  const char *bytes;
  size_t size;
  size_t offset;
};

static size_t ccurl_once_read(char *buffer, size_t size, size_t count, void *context) {
  struct ccurl_once_body *body = context;
  size_t room = size * count;
  size_t left = body->size - body->offset;
  size_t taken = left < room ? left : room;
  memcpy(buffer, body->bytes + body->offset, taken);
  body->offset += taken;
  return taken;
}

static int ccurl_once_seek(void *context, curl_off_t offset, int origin) {
  struct ccurl_once_body *body = context;
  /* Going back to the start before anything was read is no resend. */
  if (origin == SEEK_SET && offset == 0 && body->offset == 0) return CURL_SEEKFUNC_OK;
  return CURL_SEEKFUNC_FAIL;
}

/* Replaces CURLOPT_POST, CURLOPT_POSTFIELDSIZE_LARGE and the read and seek callbacks: a POST
   whose body comes from `body`, which must outlive the transfer. */
static inline CURLcode ccurl_set_once_body(CURL *h, struct ccurl_once_body *body) {
  CURLcode code = curl_easy_setopt(h, CURLOPT_POST, 1L);
  if (code == CURLE_OK) code = curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body->size);
  if (code == CURLE_OK) code = curl_easy_setopt(h, CURLOPT_READFUNCTION, ccurl_once_read);
  if (code == CURLE_OK) code = curl_easy_setopt(h, CURLOPT_READDATA, body);
  if (code == CURLE_OK) code = curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, ccurl_once_seek);
  return code != CURLE_OK ? code : curl_easy_setopt(h, CURLOPT_SEEKDATA, body);
}

/* Replaces curl_easy_setopt(h, CURLOPT_HTTPHEADER, list). */
static inline CURLcode ccurl_set_headers(CURL *h, struct curl_slist *list) {
  return curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
}

/* Replaces curl_easy_setopt(h, CURLOPT_ERRORBUFFER, buffer); buffer holds CURL_ERROR_SIZE. */
static inline CURLcode ccurl_set_error_buffer(CURL *h, char *buffer) {
  return curl_easy_setopt(h, CURLOPT_ERRORBUFFER, buffer);
}

/* The size CURLOPT_ERRORBUFFER needs, from the CURL_ERROR_SIZE macro. */
static inline size_t ccurl_error_buffer_size(void) { return CURL_ERROR_SIZE; }

/* Replaces CURLOPT_WRITEFUNCTION and CURLOPT_WRITEDATA: where body bytes go. */
static inline CURLcode ccurl_set_body_sink(CURL *h, ccurl_data_callback sink, void *context) {
  CURLcode code = curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
  return code != CURLE_OK ? code : curl_easy_setopt(h, CURLOPT_WRITEDATA, context);
}

/* Replaces CURLOPT_HEADERFUNCTION and CURLOPT_HEADERDATA: where header lines go. */
static inline CURLcode ccurl_set_header_sink(CURL *h, ccurl_data_callback sink, void *context) {
  CURLcode code = curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, sink);
  return code != CURLE_OK ? code : curl_easy_setopt(h, CURLOPT_HEADERDATA, context);
}

/* Replaces CURLOPT_XFERINFOFUNCTION, CURLOPT_XFERINFODATA and CURLOPT_NOPROGRESS 0. */
static inline CURLcode ccurl_set_progress(CURL *h, ccurl_progress_callback check, void *context) {
  CURLcode code = curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, check);
  if (code == CURLE_OK) code = curl_easy_setopt(h, CURLOPT_XFERINFODATA, context);
  return code != CURLE_OK ? code : curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
}

/* Replaces curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &long); 0 when no status line came. */
static inline long ccurl_response_code(CURL *h) {
  long code = 0;
  return curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK ? code : 0;
}

/* Replaces curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &us); 0 until connected. */
static inline curl_off_t ccurl_connect_time_us(CURL *h) {
  curl_off_t us = 0;
  return curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &us) == CURLE_OK ? us : 0;
}

/* Replaces curl_easy_getinfo(h, CURLINFO_PRETRANSFER_TIME_T, &us); 0 until ready to send. */
static inline curl_off_t ccurl_pretransfer_time_us(CURL *h) {
  curl_off_t us = 0;
  return curl_easy_getinfo(h, CURLINFO_PRETRANSFER_TIME_T, &us) == CURLE_OK ? us : 0;
}

/* Replaces curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &long): request bytes sent so far. */
static inline long ccurl_request_size(CURL *h) {
  long size = 0;
  return curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &size) == CURLE_OK ? size : 0;
}

/* Replaces curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &long): errno of the last socket failure. */
static inline long ccurl_os_errno(CURL *h) {
  long value = 0;
  return curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &value) == CURLE_OK ? value : 0;
}

/* Replaces curl_easy_getinfo(h, CURLINFO_SSL_VERIFYRESULT, &long): the TLS library's
 * certificate verdict (OpenSSL's X509_V_* codes here), 0 when it found no fault. */
static inline long ccurl_ssl_verify_result(CURL *h) {
  long result = 0;
  return curl_easy_getinfo(h, CURLINFO_SSL_VERIFYRESULT, &result) == CURLE_OK ? result : 0;
}

#endif
