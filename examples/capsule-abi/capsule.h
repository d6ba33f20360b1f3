// What every capsule of this repo needs around astrid's call convention, without libc: read the
// `astrid_tool_call` request `{"name": "...", "arguments": [bytes of the arguments' JSON]}`, pick
// string fields out of the arguments, and write results as JSON (astrid-sdk returns
// serde_json::to_vec of the tool's value, so a string result is sent quoted).
#ifndef CAPSULE_ABI_CAPSULE_H
#define CAPSULE_ABI_CAPSULE_H
#include "extism.h"

#define CAPSULE_MAX_INPUT 65536
#define CAPSULE_MAX_NAME 128

typedef struct {
  char name[CAPSULE_MAX_NAME];
  // The arguments' JSON text, decoded from its byte array and NUL-terminated.
  char arguments[CAPSULE_MAX_INPUT];
  uint32_t arguments_length;
} CapsuleCall;

static char capsule_input[CAPSULE_MAX_INPUT];
static CapsuleCall capsule_call;

static inline uint32_t capsule_strlen(const char *s) {
  uint32_t n = 0;
  while (s[n]) n++;
  return n;
}

static inline int capsule_streq(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

// Finds `"key"` followed by `:` in a flat JSON object; returns the index after the colon, or -1.
static inline int32_t capsule_find_key(const char *json, uint32_t length, const char *key) {
  uint32_t key_length = capsule_strlen(key);
  for (uint32_t i = 0; i + key_length + 2 <= length; i++) {
    if (json[i] != '"') continue;
    uint32_t k = 0;
    while (k < key_length && json[i + 1 + k] == key[k]) k++;
    if (k != key_length || json[i + 1 + k] != '"') continue;
    uint32_t j = i + key_length + 2;
    while (j < length && (json[j] == ' ' || json[j] == '\n' || json[j] == '\t')) j++;
    if (j < length && json[j] == ':') {
      j++;
      while (j < length && (json[j] == ' ' || json[j] == '\n' || json[j] == '\t')) j++;
      return (int32_t)j;
    }
  }
  return -1;
}

// Copies a JSON string value (escapes \" \\ \/ \n \t only) into out; returns its length or -1.
static inline int32_t capsule_string_at(const char *json, uint32_t length, int32_t at, char *out,
                                        uint32_t capacity) {
  if (at < 0 || (uint32_t)at >= length || json[at] != '"') return -1;
  uint32_t n = 0;
  for (uint32_t i = (uint32_t)at + 1; i < length; i++) {
    char c = json[i];
    if (c == '"') {
      out[n] = 0;
      return (int32_t)n;
    }
    if (c == '\\' && i + 1 < length) {
      char e = json[++i];
      c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    if (n + 1 >= capacity) return -1;
    out[n++] = c;
  }
  return -1;
}

// The string field `key` of a JSON object, or -1 when it is absent or not a string.
static inline int32_t capsule_string_field(const char *json, const char *key, char *out,
                                           uint32_t capacity) {
  uint32_t length = capsule_strlen(json);
  return capsule_string_at(json, length, capsule_find_key(json, length, key), out, capacity);
}

// Reads the request of astrid_tool_call (and its siblings); 0 when it is not one.
static inline int capsule_read_call(void) {
  uint64_t length = extism_input(capsule_input, CAPSULE_MAX_INPUT - 1);
  if (length >= CAPSULE_MAX_INPUT) return 0;
  capsule_input[length] = 0;
  if (capsule_string_at(capsule_input, (uint32_t)length,
                        capsule_find_key(capsule_input, (uint32_t)length, "name"),
                        capsule_call.name, CAPSULE_MAX_NAME) < 0)
    return 0;
  int32_t at = capsule_find_key(capsule_input, (uint32_t)length, "arguments");
  if (at < 0 || capsule_input[at] != '[') return 0;
  uint32_t n = 0;
  uint32_t value = 0;
  int in_number = 0;
  for (uint32_t i = (uint32_t)at + 1; i < length; i++) {
    char c = capsule_input[i];
    if (c >= '0' && c <= '9') {
      value = value * 10 + (uint32_t)(c - '0');
      in_number = 1;
      continue;
    }
    if (in_number) {
      if (n + 1 >= CAPSULE_MAX_INPUT) return 0;
      capsule_call.arguments[n++] = (char)value;
      value = 0;
      in_number = 0;
    }
    if (c == ']') break;
  }
  capsule_call.arguments[n] = 0;
  capsule_call.arguments_length = n;
  return 1;
}

// A small JSON writer into a static buffer.
#define CAPSULE_MAX_OUTPUT 65536
static char capsule_out[CAPSULE_MAX_OUTPUT];
static uint32_t capsule_out_length;

static inline void capsule_out_raw(const char *text) {
  while (*text && capsule_out_length + 1 < CAPSULE_MAX_OUTPUT) capsule_out[capsule_out_length++] = *text++;
}

static inline void capsule_out_string_n(const char *text, uint32_t length) {
  capsule_out_raw("\"");
  for (uint32_t i = 0; i < length && capsule_out_length + 7 < CAPSULE_MAX_OUTPUT; i++) {
    char c = text[i];
    if (c == '"' || c == '\\') {
      capsule_out[capsule_out_length++] = '\\';
      capsule_out[capsule_out_length++] = c;
    } else if (c == '\n') {
      capsule_out_raw("\\n");
    } else if ((unsigned char)c < 0x20) {
      capsule_out_raw("\\u00");
      capsule_out[capsule_out_length++] = "0123456789abcdef"[(c >> 4) & 15];
      capsule_out[capsule_out_length++] = "0123456789abcdef"[c & 15];
    } else {
      capsule_out[capsule_out_length++] = c;
    }
  }
  capsule_out_raw("\"");
}

static inline void capsule_out_string(const char *text) {
  capsule_out_string_n(text, capsule_strlen(text));
}

static inline void capsule_out_uint(uint64_t value) {
  char digits[24];
  int n = 0;
  do digits[n++] = (char)('0' + value % 10), value /= 10;
  while (value);
  while (n) {
    char one[2] = {digits[--n], 0};
    capsule_out_raw(one);
  }
}

static inline void capsule_out_reset(void) { capsule_out_length = 0; }

// Sends what was written as the call's output: `return capsule_out_send();`.
static inline int32_t capsule_out_send(void) {
  extism_output(capsule_out, capsule_out_length);
  return 0;
}

static inline int32_t capsule_fail(const char *message) {
  return extism_fail(message, capsule_strlen(message));
}
#endif
