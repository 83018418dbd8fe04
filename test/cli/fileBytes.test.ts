// Whole files read into a buffer reused between reads: every read gives that file's
// exact bytes, whatever size the buffer had grown to, and the size limit is checked
// before reading.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFileBytes } from '../../server/src/cli/fileBytes';

describe('readFileBytes', () => {
  let dir = '';
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-bytes-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A file of `size` bytes whose content depends on seed, so two files never look alike. */
  const write = (name: string, size: number, seed: number): Buffer => {
    const bytes = Buffer.alloc(size, 0);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
    fs.writeFileSync(path.join(dir, name), bytes);
    return bytes;
  };

  it('reads files of every size in turn, each exactly (empty, small, larger than the first buffer, larger than the reused one)', () => {
    const sizes = [0, 1, 1000, 256 * 1024, 256 * 1024 + 1, 3 * 1024 * 1024, 5 * 1024 * 1024, 10, 0, 700 * 1024];
    const files = sizes.map((size, i) => ({ name: `f${i}.go`, bytes: write(`f${i}.go`, size, i) }));
    for (const { name, bytes } of [...files, ...files.reverse()]) {
      const read = readFileBytes(path.join(dir, name));
      assert.strictEqual(read.size, bytes.length, name);
      assert.ok(read.bytes.equals(bytes), `${name}: the bytes read`);
    }
  });

  it('does not read a file over the size limit, and reads one at the limit', () => {
    const bytes = write('limit.go', 4096, 7);
    assert.deepStrictEqual(readFileBytes(path.join(dir, 'limit.go'), 4095), { bytes: undefined, size: 4096 });
    assert.ok(readFileBytes(path.join(dir, 'limit.go'), 4096).bytes?.equals(bytes));
    assert.ok(readFileBytes(path.join(dir, 'limit.go'), 0).bytes?.equals(bytes), '0: no limit');
  });

  it('throws what fs throws for a missing file and a folder', () => {
    assert.throws(() => readFileBytes(path.join(dir, 'missing.go')), { code: 'ENOENT' });
    assert.throws(() => readFileBytes(dir), { code: 'EISDIR' });
  });
});
