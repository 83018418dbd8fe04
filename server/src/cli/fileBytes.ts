// Whole files read into one buffer per thread, reused. A run reads every file twice
// (cli/lintPlan.ts to plan, the lint to parse it): a fresh Buffer per file allocated
// 44 MB of new memory for the Go standard library, and its page faults doubled the
// planning read (75 -> 150-190 ms) while the workers started beside it.
import * as fs from 'fs';

/** Files up to this size are read into the reused buffer; larger ones get their own, so a huge file's memory is not kept. */
const REUSED_UP_TO = 4 * 1024 * 1024;

let reused = Buffer.allocUnsafe(256 * 1024);

export type FileBytes =
  /** The file's bytes: valid only until the next readFileBytes in this thread. */
  | { bytes: Buffer; size: number }
  /** Over the size limit: not read. */
  | { bytes: undefined; size: number };

/**
 * Reads a whole file, unless its size is over maxSize (0: no limit). Throws what fs
 * throws (ENOENT, EACCES, EISDIR, ...), as fs.readFileSync does.
 */
export function readFileBytes(file: string): { bytes: Buffer; size: number };
export function readFileBytes(file: string, maxSize: number): FileBytes;
export function readFileBytes(file: string, maxSize = 0): FileBytes {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (maxSize > 0 && size > maxSize) return { bytes: undefined, size };
    // One byte more than the size, so that the read at the end returns 0 at once; and
    // read to the end, not to `size`: a file can grow between fstat and read.
    let buffer = bufferOf(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = bufferOf(2 * length);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { bytes: buffer.subarray(0, length), size: length };
  } finally {
    fs.closeSync(fd);
  }
}

function bufferOf(wanted: number): Buffer {
  if (wanted > REUSED_UP_TO) return Buffer.allocUnsafe(wanted);
  if (wanted > reused.length) reused = Buffer.allocUnsafe(Math.min(REUSED_UP_TO, Math.max(wanted, 2 * reused.length)));
  return reused;
}
