#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <microhttpd.h>

/* MHD_start_daemon and MHD_get_daemon_info are variadic and some of libmicrohttpd's constants
 * are macros with casts, so Swift reaches them through the typed wrappers below. */

/* Receives the raw request URI before any decoding; the result becomes the request's state. */
typedef void *(*cmhd_uri_callback)(void *context, const char *uri,
                                   struct MHD_Connection *connection);

/* Replaces MHD_start_daemon(...): 127.0.0.1 only, a thread per connection, port 0 = any free.
 * With a PEM key and certificate (both non-NULL) it serves HTTPS instead of plain HTTP. */
static inline struct MHD_Daemon *cmhd_start_loopback_daemon(
    uint16_t port, unsigned int connection_timeout_seconds, MHD_AccessHandlerCallback handler,
    cmhd_uri_callback uri_logger, MHD_RequestCompletedCallback completed, void *context,
    const char *tls_key_pem, const char *tls_cert_pem) {
  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                       MHD_USE_AUTO | MHD_USE_ITC;
  if (tls_key_pem != NULL && tls_cert_pem != NULL) {
    return MHD_start_daemon(flags | MHD_USE_TLS, port, NULL, NULL, handler, context,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
                            MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
                            MHD_OPTION_URI_LOG_CALLBACK, uri_logger, context,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, context,
                            MHD_OPTION_HTTPS_MEM_KEY, tls_key_pem,
                            MHD_OPTION_HTTPS_MEM_CERT, tls_cert_pem,
                            MHD_OPTION_END);
  }
  return MHD_start_daemon(flags, port, NULL, NULL, handler, context,
                          MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
                          MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
                          MHD_OPTION_URI_LOG_CALLBACK, uri_logger, context,
                          MHD_OPTION_NOTIFY_COMPLETED, completed, context,
                          MHD_OPTION_END);
}

/* Replaces MHD_is_feature_supported(MHD_FEATURE_TLS) == MHD_YES: whether this libmicrohttpd
 * was built with a TLS library. */
static inline int cmhd_supports_tls(void) {
  return MHD_is_feature_supported(MHD_FEATURE_TLS) == MHD_YES;
}

/* Replaces MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT)->port; 0 if unknown. */
static inline uint16_t cmhd_daemon_port(struct MHD_Daemon *daemon) {
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info != NULL ? info->port : 0;
}

/* Replaces MHD_create_response_from_buffer(size, data, MHD_RESPMEM_MUST_COPY). */
static inline struct MHD_Response *cmhd_response_copying(const void *data, size_t size) {
  return MHD_create_response_from_buffer(size, (void *)data, MHD_RESPMEM_MUST_COPY);
}

/* Replaces the MHD_CONTENT_READER_END_WITH_ERROR macro: ends a body early, closing the link. */
static inline ssize_t cmhd_content_reader_error(void) { return MHD_CONTENT_READER_END_WITH_ERROR; }

#endif
