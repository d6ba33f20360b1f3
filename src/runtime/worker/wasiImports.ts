import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';

export interface ImportSetup {
  env: Array<[string, string]>;
  stdout: { write(contents: Uint8Array): void; blockingFlush(): void; flush(): void };
  stderr: { write(contents: Uint8Array): void; blockingFlush(): void; flush(): void };
}

/** Ends standard input at once: skill-engine components take their input as arguments. */
const closedStdin = {
  blockingRead(): Uint8Array {
    throw { tag: 'closed' };
  },
};

/**
 * The import object for one instance. WASI comes from a fresh WASIShim configured as a sandbox
 * (no preopens, no network, only the skill's own env); any other interface the component
 * imports gets functions that trap with a sentence naming it, so exports that never call it
 * still work.
 */
export function buildImports(required: string[], setup: ImportSetup): Record<string, unknown> {
  const shim = new WASIShim({
    sandbox: {
      preopens: {},
      env: Object.fromEntries(setup.env),
      args: ['skill'],
      enableNetwork: false,
    },
    stdin: closedStdin,
    stdout: setup.stdout,
    stderr: setup.stderr,
  } as ConstructorParameters<typeof WASIShim>[0]);
  const imports: Record<string, unknown> = { ...shim.getImportObject() };
  for (const name of required) {
    if (!(name in imports)) imports[name] = missingImport(name);
  }
  return imports;
}

function missingImport(name: string): unknown {
  return new Proxy(
    {},
    {
      get(_target, member) {
        if (typeof member !== 'string') return undefined;
        return () => {
          throw new Error(`import ${name}#${member} is not provided by the playground`);
        };
      },
    },
  );
}
