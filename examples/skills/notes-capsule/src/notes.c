// The example astrid capsule: an Extism plugin in C, built with Debian's clang and wasi-libc,
// that follows astrid-capsule 0.1.1's conventions (skill-formats.md, section 3). astrid calls
// `astrid_tool_call` with {"name", "arguments": [bytes of the arguments' JSON]} and reads the
// JSON of the tool's return value; the plugin reaches the host through astrid's functions in
// extism:host/user (astrid.h) and the Extism kernel (extism.h).
//
// Two tools: `greet` reads the capsule's configuration (astrid_get_config); `save_note` writes a
// file to the workspace, reads it back, and counts the notes saved in the key-value store.
#include <stdio.h>
#include <string.h>

#include "astrid.h"
#include "capsule.h"

static char config_json[4096];

// A configuration value as text. astrid_get_config answers with the value's JSON (a string
// arrives quoted) and with "" for a key the capsule's [env] does not give a value.
static int32_t config_text(const char *key, char *out, uint32_t capacity) {
  uint64_t length = extism_get(astrid_get_config(astrid_str(key)), config_json,
                               sizeof config_json - 1);
  if (length == 0 || length >= sizeof config_json) return -1;
  config_json[length] = 0;
  return capsule_string_at(config_json, (uint32_t)length, 0, out, capacity);
}

static void log_line(const char *level, const char *message) {
  astrid_log(astrid_str(level), astrid_str(message));
}

static int32_t greet(void) {
  char owner[256];
  char greeting[128];
  char token[512];
  if (config_text("owner", owner, sizeof owner) < 0) strcpy(owner, "nobody");
  if (capsule_string_field(capsule_call.arguments, "greeting", greeting, sizeof greeting) <= 0)
    strcpy(greeting, "Hello");
  int32_t token_length = config_text("api_token", token, sizeof token);

  char line[512];
  snprintf(line, sizeof line, "greeting %s", owner);
  log_line("info", line);
  // WASI is on: what the plugin prints reaches the run's stdout.
  printf("greet: the owner is %s\n", owner);
  fflush(stdout);

  char text[1024];
  if (token_length > 0)
    snprintf(text, sizeof text, "%s, %s! The API token is set (%d characters).", greeting, owner,
             (int)token_length);
  else
    snprintf(text, sizeof text, "%s, %s! No API token is set.", greeting, owner);
  capsule_out_reset();
  capsule_out_string(text);
  return capsule_out_send();
}

static char file_content[CAPSULE_MAX_INPUT];

static int32_t save_note(void) {
  char title[128];
  char body[8192];
  if (capsule_string_field(capsule_call.arguments, "title", title, sizeof title) <= 0)
    return capsule_fail("save_note needs a title.");
  if (capsule_string_field(capsule_call.arguments, "text", body, sizeof body) < 0) body[0] = 0;

  char answer[16];
  uint64_t exists = extism_get(astrid_fs_exists(astrid_str("notes")), answer, sizeof answer - 1);
  answer[exists < sizeof answer ? exists : 0] = 0;
  if (strcmp(answer, "true") != 0) astrid_fs_mkdir(astrid_str("notes"));

  char path[256];
  snprintf(path, sizeof path, "notes/%s.txt", title);
  astrid_write_file(astrid_str(path), astrid_str(body));
  // Read back through the host, so the answer shows what the workspace holds.
  uint64_t length = extism_get(astrid_read_file(astrid_str(path)), file_content,
                               sizeof file_content - 1);
  if (length >= sizeof file_content) return capsule_fail("The note is too long to read back.");

  char count_text[32];
  uint64_t count_length =
      extism_get(astrid_kv_get(astrid_str("notes_saved")), count_text, sizeof count_text - 1);
  count_text[count_length < sizeof count_text ? count_length : 0] = 0;
  unsigned long saved = 0;
  sscanf(count_text, "%lu", &saved);
  saved += 1;
  snprintf(count_text, sizeof count_text, "%lu", saved);
  astrid_kv_set(astrid_str("notes_saved"), astrid_str(count_text));

  capsule_out_reset();
  capsule_out_raw("{\"path\":");
  capsule_out_string(path);
  capsule_out_raw(",\"content\":");
  capsule_out_string_n(file_content, (uint32_t)length);
  capsule_out_raw(",\"notesSaved\":");
  capsule_out_uint(saved);
  capsule_out_raw("}");
  return capsule_out_send();
}

EXTISM_EXPORT("astrid_tool_call") int32_t astrid_tool_call(void) {
  if (!capsule_read_call()) return capsule_fail("astrid_tool_call expects {\"name\", \"arguments\"}.");
  if (capsule_streq(capsule_call.name, "greet")) return greet();
  if (capsule_streq(capsule_call.name, "save_note")) return save_note();
  char message[256];
  snprintf(message, sizeof message, "notes-capsule has no tool named %s.", capsule_call.name);
  return capsule_fail(message);
}
