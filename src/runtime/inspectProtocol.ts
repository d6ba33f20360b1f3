// Messages of the wasm inspector worker, which runs jco's wasm-tools off the main thread to
// describe a .wasm file of a bundle: its WIT and its producers.

export interface InspectRequest {
  id: number;
  bytes: Uint8Array;
}

/** One module or component inside the file (the file itself first), with its producers. */
export interface InspectedPart {
  name?: string;
  kind: 'component' | 'module';
  /** Nesting: the index of the part this one is inside. */
  parent?: number;
  producers: Array<[field: string, tools: Array<[name: string, version: string]>]>;
}

export type InspectReply =
  | { id: number; ok: true; wit?: string; witError?: string; parts: InspectedPart[] }
  | { id: number; ok: false; message: string };
