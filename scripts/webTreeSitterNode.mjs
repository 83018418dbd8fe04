// Rewrites web-tree-sitter's Node class, in the copy the build puts in dist/, so that a
// Node keeps its WebAssembly handle in a named field instead of an indexed one.
//
// Why: web-tree-sitter 0.25 stores the handle as `node[0]` (a class field `[0] = 0` and
// `this[0] = other`). An indexed property gives every Node its own elements store, and
// V8 defines it on a slow path: constructing a Node costs ~95 ns instead of ~17 ns
// (node /tmp bench of the class alone). A scan of the Go standard library makes 1.9
// million Nodes (query captures and the rules' navigation); the field initializer was
// 2 % of each CLI worker's profile. Only marshalNode reads a Node's handle, so three
// exact edits do it. Each must match exactly once: a web-tree-sitter that changed here
// (another version) fails the build with the reason instead of half-patched.

/** The edits: [what web-tree-sitter 0.25.10 has, what the copy gets instead]. */
const EDITS = [
  [
    `  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;`,
    `  /** @internal */
  _children;`,
  ],
  [
    `    assertInternal(internal);
    this[0] = other;
    this.id = id;`,
    `    assertInternal(internal);
    this._handle = other;
    this.id = id;`,
  ],
  ['C.setValue(address, node[0], "i32");', 'C.setValue(address, node._handle, "i32");'],
];

/** web-tree-sitter's CommonJS build with Node's handle in the named field `_handle`. */
export function withNamedNodeHandle(source) {
  let patched = source;
  for (const [from, to] of EDITS) {
    const count = patched.split(from).length - 1;
    if (count !== 1) {
      throw new Error(`web-tree-sitter's Node is not as scripts/webTreeSitterNode.mjs expects (found ${count} times, not once):\n${from}\nReview the edits for this version of web-tree-sitter.`);
    }
    patched = patched.replace(from, () => to);
  }
  return patched;
}
