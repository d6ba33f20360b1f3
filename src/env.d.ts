/**
 * Which transpiler the app was built with, `transpile-<version of @bytecodealliance/jco-transpile>`
 * (vite.config.ts): part of the transpile cache key.
 */
declare const __JCO_VERSION__: string;
