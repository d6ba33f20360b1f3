import type { BinaryReader } from './binaryReader';
import type { WitFunction, WitType } from './types';

// The index spaces the decoder follows, and the limits that keep a malformed binary from making
// it recurse or work without end.

/** What a type index refers to. */
export type Def =
  | { def: 'value'; type: WitType }
  | { def: 'func'; func: WitFunction }
  | { def: 'instance'; exports: Exports }
  | { def: 'component'; exports: Exports }
  | { def: 'core' };

/** Anything that can be imported, exported or aliased. */
export type Item =
  | { sort: 'func'; func: WitFunction }
  | { sort: 'type'; type: Def }
  | { sort: 'instance'; exports: Exports }
  | { sort: 'component'; exports: Exports }
  | { sort: 'value' }
  | { sort: 'core' };

export type Exports = Map<string, Item>;
export type Sort = Item['sort'];

/**
 * How deep components, component types and instance types may nest. wit-component nests two or
 * three levels; the limit only stops a crafted binary from overflowing the stack.
 */
export const MAX_NESTING = 64;

/** The index spaces of one component, component type or instance type. */
export class Scope {
  types: Def[] = [];
  funcs: WitFunction[] = [];
  instances: Exports[] = [];
  components: Exports[] = [];
  readonly depth: number;

  constructor(
    /** The reader errors are reported against: the section being read. */
    public reader: BinaryReader,
    readonly parent?: Scope,
  ) {
    this.depth = parent ? parent.depth + 1 : 0;
    if (this.depth > MAX_NESTING)
      reader.fail(`Components or types nest more than ${MAX_NESTING} levels deep`);
  }

  add(item: Item): void {
    switch (item.sort) {
      case 'func':
        this.funcs.push(item.func);
        break;
      case 'type':
        this.types.push(item.type);
        break;
      case 'instance':
        this.instances.push(item.exports);
        break;
      case 'component':
        this.components.push(item.exports);
        break;
      default:
        break; // values and core items are not followed
    }
  }

  item(sort: Sort, index: number): Item {
    switch (sort) {
      case 'func':
        return { sort, func: this.at(this.funcs, index, 'function') };
      case 'type':
        return { sort, type: this.at(this.types, index, 'type') };
      case 'instance':
        return { sort, exports: this.at(this.instances, index, 'instance') };
      case 'component':
        return { sort, exports: this.at(this.components, index, 'component') };
      default:
        return { sort };
    }
  }

  type(index: number): Def {
    return this.at(this.types, index, 'type');
  }

  valueType(index: number): WitType {
    const def = this.type(index);
    if (def.def !== 'value') this.reader.fail(`Type ${index} is not a value type`);
    return def.type;
  }

  /** The scope `count` levels out; recursion is bounded by the nesting limit. */
  outer(count: number): Scope {
    if (count === 0) return this;
    if (!this.parent) this.reader.fail('An outer alias reaches past the outermost component');
    return this.parent.outer(count - 1);
  }

  private at<T>(list: T[], index: number, what: string): T {
    const found = list[index];
    if (found === undefined) this.reader.fail(`There is no ${what} ${index}`);
    return found;
  }
}
