// Keeping pieces of a document's text without keeping the document. A piece cut with
// slice() is, in V8, a view that keeps the whole document text alive, and so is a
// node's text (web-tree-sitter slices it from the parsed text) and any message built
// from it: caches keyed by such slices pinned one full copy of a file per version they
// had seen (the memory soak grew by 70 MB).

import { createHash } from 'crypto';

/** A digest of text, as a cache key: a small string of its own; SHA-1 makes a collision practically impossible. */
export function textKey(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** text as a string of its own, for data kept across versions of a document (a message that quotes the code). */
export function detached(text: string): string {
  // Slicing a concatenation makes V8 copy it into a new flat string first; the result
  // then refers to that copy only (one character longer than text), not to text's parent.
  return (` ${text}`).slice(1);
}
