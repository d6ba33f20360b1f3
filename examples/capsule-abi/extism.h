// The Extism kernel as a plugin sees it: the functions of the `extism:host/env` module, declared
// for clang from the kernel's ABI (skill-formats.md, 3.2). Every handle is a 64-bit offset into
// memory the host owns, not into the plugin's own linear memory: bytes go in and out one u8 or
// u64 at a time. An export is `int32_t f(void)`: it reads its input through input_*, sets its
// output with output_set, and returns 0, or sets an error with error_set and returns 1.
#ifndef CAPSULE_ABI_EXTISM_H
#define CAPSULE_ABI_EXTISM_H
#include <stdint.h>

typedef uint64_t ExtismHandle;

#define EXTISM_KERNEL(name) __attribute__((import_module("extism:host/env"), import_name(name)))
#define EXTISM_EXPORT(name) __attribute__((export_name(name)))

EXTISM_KERNEL("input_length") uint64_t extism_input_length(void);
EXTISM_KERNEL("input_load_u8") uint8_t extism_input_load_u8(uint64_t offset);
EXTISM_KERNEL("input_load_u64") uint64_t extism_input_load_u64(uint64_t offset);
EXTISM_KERNEL("alloc") ExtismHandle extism_alloc(uint64_t length);
EXTISM_KERNEL("free") void extism_free(ExtismHandle handle);
EXTISM_KERNEL("length") uint64_t extism_length(ExtismHandle handle);
EXTISM_KERNEL("load_u8") uint8_t extism_load_u8(ExtismHandle at);
EXTISM_KERNEL("load_u64") uint64_t extism_load_u64(ExtismHandle at);
EXTISM_KERNEL("store_u8") void extism_store_u8(ExtismHandle at, uint8_t value);
EXTISM_KERNEL("store_u64") void extism_store_u64(ExtismHandle at, uint64_t value);
EXTISM_KERNEL("output_set") void extism_output_set(ExtismHandle handle, uint64_t length);
EXTISM_KERNEL("error_set") void extism_error_set(ExtismHandle handle);
EXTISM_KERNEL("config_get") ExtismHandle extism_config_get(ExtismHandle key);
EXTISM_KERNEL("log_info") void extism_log_info(ExtismHandle message);
EXTISM_KERNEL("log_warn") void extism_log_warn(ExtismHandle message);
EXTISM_KERNEL("log_error") void extism_log_error(ExtismHandle message);

// Copies bytes into a new host block; 0 when the host refuses the allocation.
static inline ExtismHandle extism_put(const void *data, uint64_t length) {
  ExtismHandle handle = extism_alloc(length);
  if (handle == 0) return 0;
  const uint8_t *bytes = (const uint8_t *)data;
  uint64_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t word = 0;
    for (int b = 7; b >= 0; b--) word = (word << 8) | bytes[i + (uint64_t)b];
    extism_store_u64(handle + i, word);
  }
  for (; i < length; i++) extism_store_u8(handle + i, bytes[i]);
  return handle;
}

// Copies at most `capacity` bytes of a host block out; returns the block's whole length.
static inline uint64_t extism_get(ExtismHandle handle, void *out, uint64_t capacity) {
  if (handle == 0) return 0;
  uint64_t length = extism_length(handle);
  uint8_t *bytes = (uint8_t *)out;
  for (uint64_t i = 0; i < length && i < capacity; i++) bytes[i] = extism_load_u8(handle + i);
  return length;
}

// Copies at most `capacity` bytes of the call's input out; returns the input's whole length.
static inline uint64_t extism_input(void *out, uint64_t capacity) {
  uint64_t length = extism_input_length();
  uint8_t *bytes = (uint8_t *)out;
  for (uint64_t i = 0; i < length && i < capacity; i++) bytes[i] = extism_input_load_u8(i);
  return length;
}

static inline void extism_output(const void *data, uint64_t length) {
  extism_output_set(extism_put(data, length), length);
}

// Ends an export with an error the host reports: `return extism_fail(...)`.
static inline int32_t extism_fail(const char *message, uint64_t length) {
  extism_error_set(extism_put(message, length));
  return 1;
}
#endif
