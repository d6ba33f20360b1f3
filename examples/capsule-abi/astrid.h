// The host functions astrid-capsule 0.1.1 registers in `extism:host/user` (skill-formats.md,
// 3.3), declared for clang. Every argument and result is a handle to bytes in host memory (see
// extism.h): strings are UTF-8 without a terminator. A plugin imports only the ones it calls.
#ifndef CAPSULE_ABI_ASTRID_H
#define CAPSULE_ABI_ASTRID_H
#include "extism.h"

#define ASTRID_HOST(name) __attribute__((import_module("extism:host/user"), import_name(name)))

// Configuration: the [env] value of a key as JSON text (a string comes quoted), "" when unset.
ASTRID_HOST("astrid_get_config") ExtismHandle astrid_get_config(ExtismHandle key);
// A line for the host's log: level ("trace", "debug", "info", "warn", "error") and message.
ASTRID_HOST("astrid_log") void astrid_log(ExtismHandle level, ExtismHandle message);
// Files of the capsule's workspace, by workspace-relative path.
ASTRID_HOST("astrid_read_file") ExtismHandle astrid_read_file(ExtismHandle path);
ASTRID_HOST("astrid_write_file") void astrid_write_file(ExtismHandle path, ExtismHandle content);
ASTRID_HOST("astrid_fs_exists") ExtismHandle astrid_fs_exists(ExtismHandle path); // "true"/"false"
ASTRID_HOST("astrid_fs_mkdir") void astrid_fs_mkdir(ExtismHandle path);
ASTRID_HOST("astrid_fs_readdir") ExtismHandle astrid_fs_readdir(ExtismHandle path); // JSON names
ASTRID_HOST("astrid_fs_stat") ExtismHandle astrid_fs_stat(ExtismHandle path);
ASTRID_HOST("astrid_fs_unlink") void astrid_fs_unlink(ExtismHandle path);
// The capsule's key-value store: a missing key reads as "".
ASTRID_HOST("astrid_kv_get") ExtismHandle astrid_kv_get(ExtismHandle key);
ASTRID_HOST("astrid_kv_set") void astrid_kv_set(ExtismHandle key, ExtismHandle value);
// {"url","method","headers":{},"body"} in, {"status","headers","body"} out.
ASTRID_HOST("astrid_http_request") ExtismHandle astrid_http_request(ExtismHandle request);
// astrid's event bus and scheduler, which a playground run has no part in.
ASTRID_HOST("astrid_ipc_publish") void astrid_ipc_publish(ExtismHandle topic, ExtismHandle payload);
ASTRID_HOST("astrid_ipc_subscribe") ExtismHandle astrid_ipc_subscribe(ExtismHandle topic);
ASTRID_HOST("astrid_ipc_unsubscribe") void astrid_ipc_unsubscribe(ExtismHandle subscription);
ASTRID_HOST("astrid_ipc_poll") ExtismHandle astrid_ipc_poll(ExtismHandle subscription);
ASTRID_HOST("astrid_uplink_register")
ExtismHandle astrid_uplink_register(ExtismHandle name, ExtismHandle platform, ExtismHandle profile);
ASTRID_HOST("astrid_uplink_send")
ExtismHandle astrid_uplink_send(ExtismHandle uplink, ExtismHandle user, ExtismHandle message);
ASTRID_HOST("astrid_cron_schedule")
void astrid_cron_schedule(ExtismHandle name, ExtismHandle schedule, ExtismHandle payload);
ASTRID_HOST("astrid_cron_cancel") void astrid_cron_cancel(ExtismHandle name);

// A C string as a host handle (the terminator is not sent).
static inline ExtismHandle astrid_str(const char *text) {
  uint64_t length = 0;
  while (text[length]) length++;
  return extism_put(text, length);
}
#endif
