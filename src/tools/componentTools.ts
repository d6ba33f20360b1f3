import type { ComponentExports, ExportedFunction, UnsupportedExport } from '../wit';
import type { Tool } from './tool';

/**
 * One tool per exported function of a component that is neither a skill nor a command, grouped
 * by the interface it belongs to; what cannot be called yet (resources, async) comes back apart.
 */
export function componentTools(exports: ComponentExports): {
  tools: Tool[];
  unsupported: UnsupportedExport[];
} {
  const tools = exports.functions.filter((f) => !isQjsInit(f)).map(witTool);
  return { tools, unsupported: exports.unsupported };
}

function witTool(f: ExportedFunction): Tool {
  const exportName = f.interface ? `${f.interface}#${f.name}` : f.name;
  return {
    name: exportName,
    ...(f.interface ? { group: f.interface, label: f.name } : {}),
    description: '',
    schema: { type: 'object', properties: {}, required: [] },
    call: { kind: 'wit', exportName, func: f.func },
    origin: 'wit',
  };
}

/**
 * componentize-qjs adds `init(shim, script, entry-path, disable-gc)` for its own pre-initialisation;
 * it is not part of the component's interface and calling it would reset the JS engine.
 */
function isQjsInit(f: ExportedFunction): boolean {
  return (
    !f.interface &&
    f.name === 'init' &&
    f.func.params.map((p) => p.name).join(',') === 'shim,script,entry-path,disable-gc'
  );
}
