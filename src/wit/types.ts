// The WIT type model the playground builds forms from and prints values with. It is decoded from
// the component's own binary (decodeComponent.ts), because jco's WIT printer leaves out the
// definitions of exported interfaces and jco's typings lose integer widths.

export type PrimitiveKind =
  | 'bool'
  | 's8'
  | 'u8'
  | 's16'
  | 'u16'
  | 's32'
  | 'u32'
  | 's64'
  | 'u64'
  | 'f32'
  | 'f64'
  | 'char'
  | 'string';

export interface Named {
  /** The name the type was exported under (`point`), when it has one. */
  name?: string;
}

export type WitType = Named &
  (
    | { kind: PrimitiveKind }
    | { kind: 'record'; fields: Array<{ name: string; type: WitType }> }
    | { kind: 'variant'; cases: Array<{ name: string; type?: WitType }> }
    | { kind: 'list'; element: WitType; length?: number }
    | { kind: 'tuple'; items: WitType[] }
    | { kind: 'flags'; names: string[] }
    | { kind: 'enum'; names: string[] }
    | { kind: 'option'; inner: WitType }
    | { kind: 'result'; ok?: WitType; err?: WitType }
    | { kind: 'own' | 'borrow'; resource: string }
    | { kind: 'resource' }
    | { kind: 'stream' | 'future'; inner?: WitType }
    | { kind: 'error-context' }
    | { kind: 'map'; key: WitType; value: WitType }
  );

export interface WitParam {
  name: string;
  type: WitType;
}

export interface WitFunction {
  params: WitParam[];
  result?: WitType;
  /** A p3 `async func`. */
  async: boolean;
}

/** One exported function, top-level or inside an exported interface. */
export interface ExportedFunction {
  /** The exported interface's name (`playground:shapes/geometry@0.1.0`); none at top level. */
  interface?: string;
  name: string;
  func: WitFunction;
}

/** Something exported that the playground lists but cannot call yet, and why. */
export interface UnsupportedExport {
  interface?: string;
  name: string;
  reason: string;
}

export interface ComponentExports {
  functions: ExportedFunction[];
  unsupported: UnsupportedExport[];
}

export const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  s8: [-128n, 127n],
  u8: [0n, 255n],
  s16: [-32768n, 32767n],
  u16: [0n, 65535n],
  s32: [-2147483648n, 2147483647n],
  u32: [0n, 4294967295n],
  s64: [-9223372036854775808n, 9223372036854775807n],
  u64: [0n, 18446744073709551615n],
};

export const isInteger = (kind: string): boolean => kind in INTEGER_RANGES;

/** The type as WIT spells it: its name when it has one, else its structure. */
export function witTypeText(type: WitType): string {
  if (type.name) return type.name;
  switch (type.kind) {
    case 'list':
      return type.length === undefined
        ? `list<${witTypeText(type.element)}>`
        : `list<${witTypeText(type.element)}, ${type.length}>`;
    case 'tuple':
      return `tuple<${type.items.map(witTypeText).join(', ')}>`;
    case 'option':
      return `option<${witTypeText(type.inner)}>`;
    case 'result':
      return type.ok || type.err
        ? `result<${type.ok ? witTypeText(type.ok) : '_'}${type.err ? `, ${witTypeText(type.err)}` : ''}>`
        : 'result';
    case 'own':
      return type.resource;
    case 'borrow':
      return `borrow<${type.resource}>`;
    case 'stream':
    case 'future':
      return type.inner ? `${type.kind}<${witTypeText(type.inner)}>` : type.kind;
    case 'map':
      return `map<${witTypeText(type.key)}, ${witTypeText(type.value)}>`;
    case 'record':
      return `record { ${type.fields.map((f) => `${f.name}: ${witTypeText(f.type)}`).join(', ')} }`;
    case 'variant':
      return `variant { ${type.cases.map((c) => (c.type ? `${c.name}(${witTypeText(c.type)})` : c.name)).join(', ')} }`;
    case 'enum':
      return `enum { ${type.names.join(', ')} }`;
    case 'flags':
      return `flags { ${type.names.join(', ')} }`;
    default:
      return type.kind;
  }
}

/** `name: func(a: u8) -> string`, as WIT writes a function. */
export function witSignature(name: string, func: WitFunction): string {
  const params = func.params.map((p) => `${p.name}: ${witTypeText(p.type)}`).join(', ');
  const result = func.result ? ` -> ${witTypeText(func.result)}` : '';
  return `${name}: ${func.async ? 'async ' : ''}func(${params})${result}`;
}
