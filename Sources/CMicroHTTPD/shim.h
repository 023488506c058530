#include <stdint.h>
#include <sys/socket.h>
#include <microhttpd.h>

/// MHD_start_daemon is C-variadic, which Swift cannot call: this passes every option through one
/// MHD_OPTION_ARRAY (terminated by MHD_OPTION_END) and leaves out the accept-policy callback.
static inline struct MHD_Daemon *cmhd_start_daemon(unsigned int flags, uint16_t port,
                                                    MHD_AccessHandlerCallback handler, void *handler_context,
                                                    struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_context,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/// In an MHD_OPTION_ARRAY an option taking a function and a closure carries the function in the
/// integer slot (`intptr_t`); Swift cannot cast a C function pointer to an integer.
static inline struct MHD_OptionItem cmhd_notify_completed_option(MHD_RequestCompletedCallback callback,
                                                                 void *context) {
    struct MHD_OptionItem item = { MHD_OPTION_NOTIFY_COMPLETED, (intptr_t) callback, context };
    return item;
}

/// The type of MHD_OPTION_UNESCAPE_CALLBACK's function, which microhttpd.h only spells out in prose.
typedef size_t (*cmhd_unescape_callback)(void *context, struct MHD_Connection *connection, char *text);

/// Same as cmhd_notify_completed_option, for MHD_OPTION_UNESCAPE_CALLBACK.
static inline struct MHD_OptionItem cmhd_unescape_option(cmhd_unescape_callback callback, void *context) {
    struct MHD_OptionItem item = { MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t) callback, context };
    return item;
}

/// Same as cmhd_notify_completed_option, for MHD_OPTION_EXTERNAL_LOGGER.
static inline struct MHD_OptionItem cmhd_logger_option(MHD_LogCallback callback, void *context) {
    struct MHD_OptionItem item = { MHD_OPTION_EXTERNAL_LOGGER, (intptr_t) callback, context };
    return item;
}

/// MHD_get_daemon_info is C-variadic: this asks it for MHD_DAEMON_INFO_BIND_PORT (0 when unknown).
static inline uint16_t cmhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/// MHD_get_connection_info is C-variadic: this asks it for MHD_CONNECTION_INFO_CLIENT_ADDRESS.
static inline const struct sockaddr *cmhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}
