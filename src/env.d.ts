/** The version of @bytecodealliance/jco the app was built with (vite.config.ts). */
declare const __JCO_VERSION__: string;
