// Where a few short strings occur in a stretch of source text, found once, so that
// "does any of them occur between a and b?" costs a binary search rather than a scan
// (asked of thousands of nested ranges of one function body, a scan each was quadratic).

export class SourceMarks {
  /** Start offsets of each needle's occurrences, ascending. */
  private readonly at = new Map<string, number[]>();

  constructor(source: string, start: number, end: number, needles: readonly string[]) {
    // Searched in a slice: indexOf on the whole source would run on past end, to the
    // end of the file, for every function without one more occurrence.
    const stretch = source.slice(start, end);
    for (const needle of needles) {
      const offsets: number[] = [];
      for (let i = stretch.indexOf(needle); i >= 0; i = stretch.indexOf(needle, i + needle.length)) offsets.push(start + i);
      this.at.set(needle, offsets);
    }
  }

  /** Whether an occurrence of needle (one given to the constructor) starts in [start, end). */
  has(needle: string, start: number, end: number): boolean {
    const offsets = this.offsets(needle);
    const first = this.countBefore(needle, start);
    return first < offsets.length && offsets[first] < end;
  }

  /** How many occurrences of needle (one given to the constructor) start before offset. */
  countBefore(needle: string, offset: number): number {
    const offsets = this.offsets(needle);
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (offsets[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private offsets(needle: string): number[] {
    const offsets = this.at.get(needle);
    if (!offsets) throw new Error(`SourceMarks: ${JSON.stringify(needle)} was not searched for`);
    return offsets;
  }
}
