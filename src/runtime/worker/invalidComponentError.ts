import type { LoadErrorCode } from '../protocol';

/**
 * Bytes the playground cannot load as a component: malformed wasm, a core module that is not a
 * WASI preview1 command, or a component without the export a call names. Not jco's fault, so it
 * is reported as InvalidComponent whatever stage it is found in.
 */
export class InvalidComponentError extends Error {
  readonly code = 'InvalidComponent' satisfies LoadErrorCode;
  override readonly name = 'InvalidComponentError';
}
