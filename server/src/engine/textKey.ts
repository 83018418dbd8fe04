// Cache keys for pieces of a document's text. A piece cut with slice() is, in V8, a
// view that keeps the whole document text alive: caches keyed by such slices pinned
// one full copy of a file per version they had seen (the memory soak grew by 70 MB).
// A digest is a small string of its own; SHA-1 makes a collision practically impossible.
import { createHash } from 'crypto';

export function textKey(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
