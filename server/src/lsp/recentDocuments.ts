// The open documents the user is working in: the few edited (or opened) last.
//
// Only those keep what makes their next lint fast: the syntax tree, for an incremental
// parse, and the incremental cache (engine/incremental.ts). Both are only a speed-up, and
// the tree is the expensive one: it lives in the WebAssembly heap (~20 bytes per
// character of source), which never gives memory back, so every tree kept raises the
// process's memory for good. An editor with 200 files open kept 200 trees (~40 MB), to
// speed up the next keystroke in files the user had not touched for an hour.
export class RecentDocuments {
  /** In order of their last edit, the oldest first (a Set keeps insertion order). */
  private readonly order = new Set<string>();

  constructor(public capacity: number) {}

  /** Marks uri as edited now; returns the documents that stopped being recent. */
  touch(uri: string): string[] {
    this.order.delete(uri);
    this.order.add(uri);
    const idle: string[] = [];
    for (const oldest of this.order) {
      if (this.order.size <= this.capacity) break;
      this.order.delete(oldest);
      idle.push(oldest);
    }
    return idle;
  }

  has(uri: string): boolean {
    return this.order.has(uri);
  }

  forget(uri: string): void {
    this.order.delete(uri);
  }
}
