// What astrid-capsule 0.1.1 registers for its plugins (shared/reference/skill-formats.md, 3.3):
// twenty functions in `extism:host/user` and three in `shim`. A plugin may import any of them,
// so the playground supplies every one; those it cannot serve refuse when called, with a reason.

/** The namespace of astrid's own host functions. */
export const ASTRID_NAMESPACE = 'extism:host/user';
/** The namespace of the helpers astrid gives QuickJS (OpenClaw) capsules. */
export const SHIM_NAMESPACE = 'shim';

/** Every `extism:host/user` function of the 0.1.1 host, with its count of arguments. */
export const ASTRID_FUNCTIONS = {
  astrid_fs_exists: 1,
  astrid_fs_mkdir: 1,
  astrid_fs_readdir: 1,
  astrid_fs_stat: 1,
  astrid_fs_unlink: 1,
  astrid_read_file: 1,
  astrid_write_file: 2,
  astrid_ipc_publish: 2,
  astrid_ipc_subscribe: 1,
  astrid_ipc_unsubscribe: 1,
  astrid_ipc_poll: 1,
  astrid_uplink_register: 3,
  astrid_uplink_send: 3,
  astrid_kv_get: 1,
  astrid_kv_set: 2,
  astrid_get_config: 1,
  astrid_http_request: 1,
  astrid_log: 2,
  astrid_cron_schedule: 3,
  astrid_cron_cancel: 1,
} as const;

export type AstridFunction = keyof typeof ASTRID_FUNCTIONS;

export const SHIM_FUNCTIONS = [
  '__get_function_arg_type',
  '__get_function_return_type',
  '__invokeHostFunc',
] as const;

/**
 * What a playground run has no part in, and why, in words a capsule author reads next to the
 * error: each of these refuses with "not available in the playground".
 */
export const UNAVAILABLE: Readonly<Record<string, string>> = {
  astrid_ipc_publish: "astrid's event bus (IPC) connects capsules inside astrid",
  astrid_ipc_subscribe: "astrid's event bus (IPC) connects capsules inside astrid",
  astrid_ipc_unsubscribe: "astrid's event bus (IPC) connects capsules inside astrid",
  astrid_ipc_poll: "astrid's event bus (IPC) connects capsules inside astrid",
  astrid_uplink_register: 'uplinks connect astrid to chat platforms',
  astrid_uplink_send: 'uplinks connect astrid to chat platforms',
  astrid_cron_schedule: "astrid's scheduler runs capsules later, outside a single run",
  astrid_cron_cancel: "astrid's scheduler runs capsules later, outside a single run",
  __get_function_arg_type: 'the QuickJS host-function shim serves OpenClaw JavaScript capsules',
  __get_function_return_type: 'the QuickJS host-function shim serves OpenClaw JavaScript capsules',
  __invokeHostFunc: 'the QuickJS host-function shim serves OpenClaw JavaScript capsules',
};

/** The sentence of a call to a function the playground does not serve. */
export function unavailableMessage(name: string): string {
  const why = UNAVAILABLE[name];
  return `The capsule called ${name}, which is not available in the playground${why ? ` (${why})` : ''}.`;
}

/** Whether a module's import is one of astrid's, by namespace and name. */
export function isAstridImport(module: string, name: string): boolean {
  return (
    (module === ASTRID_NAMESPACE && Object.hasOwn(ASTRID_FUNCTIONS, name)) ||
    (module === SHIM_NAMESPACE && (SHIM_FUNCTIONS as readonly string[]).includes(name))
  );
}
