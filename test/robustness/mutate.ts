// Seeded mutations of Go source for the robustness tests: what half-typed, pasted,
// truncated or corrupted files look like.
import * as fs from 'fs';
import * as path from 'path';

export const FUZZ_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'fuzz');

/** The seed files: real standard-library Go (see test/fixtures/fuzz/README.md). */
export function fuzzSeeds(): { name: string; text: string }[] {
  return fs.readdirSync(FUZZ_DIR).filter((f) => f.endsWith('.go.txt')).sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(FUZZ_DIR, f), 'utf8') }));
}

const NOISE = ['{', '}', '(', ')', '[', ']', '"', '`', "'", '/', '*', '\n', '\t', ' ', ':=', ';', ',', '.', '\\',
  'x', '0', '\0', '\uFFFD', 'é', '😀', '\r', '//', '/*', '*/', 'func', 'if', 'go ', 'defer ', 'return', '_', '=', '&', '<-'];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

/** One whole-text mutation: a flipped character, a truncation, lines deleted, duplicated or moved. */
export function mutate(text: string, random: Random): { kind: string; text: string } {
  const lines = text.split('\n');
  switch (int(random, 7)) {
    case 0: {
      const at = int(random, text.length);
      return { kind: 'flip', text: text.slice(0, at) + pick(random, NOISE) + text.slice(at + 1) };
    }
    case 1:
      return { kind: 'truncate', text: text.slice(0, int(random, text.length)) };
    case 2: {
      const at = int(random, lines.length);
      lines.splice(at, 1 + int(random, 8));
      return { kind: 'delete lines', text: lines.join('\n') };
    }
    case 3: {
      const at = int(random, lines.length);
      lines.splice(at, 0, ...lines.slice(at, at + 1 + int(random, 8)));
      return { kind: 'duplicate lines', text: lines.join('\n') };
    }
    case 4: {
      const from = int(random, lines.length);
      const [moved] = lines.splice(from, 1);
      lines.splice(int(random, lines.length), 0, moved);
      return { kind: 'move line', text: lines.join('\n') };
    }
    case 5: {
      // Several flips at once.
      let out = text;
      for (let i = 0; i < 5; i++) {
        const at = int(random, out.length);
        out = out.slice(0, at) + pick(random, NOISE) + out.slice(at + 1 + int(random, 3));
      }
      return { kind: 'flips', text: out };
    }
    default: {
      const at = int(random, text.length);
      return { kind: 'insert', text: text.slice(0, at) + pick(random, NOISE) + pick(random, NOISE) + text.slice(at) };
    }
  }
}

export interface LspChange {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** A random small edit of text as an LSP change, never splitting a surrogate pair. */
export function randomEdit(text: string, random: Random, positionAt: (offset: number) => { line: number; character: number }): { change: LspChange; text: string } {
  let start = int(random, text.length + 1);
  let end = Math.min(text.length, start + (random() < 0.5 ? 0 : int(random, 40)));
  if (isLowSurrogate(text, start)) start--;
  if (isLowSurrogate(text, end)) end++;
  const from = int(random, text.length);
  const pasted = text.slice(from, from + int(random, 200)); // a paste of up to 200 characters
  const insert = random() < 0.25 ? '' : random() < 0.8 ? pick(random, NOISE) : pasted;
  return {
    change: { range: { start: positionAt(start), end: positionAt(end) }, text: insert },
    text: text.slice(0, start) + insert + text.slice(end),
  };
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff && index > 0;
}
