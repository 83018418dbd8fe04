// Squarified treemap layout (Bruls, Huizing, van Wijk 2000): rectangles whose areas
// are proportional to the values, as close to squares as the values allow. Pure.

export interface Cell<T> {
  item: T;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lays out items (value > 0) in the rectangle; items are taken in descending value. */
export function squarify<T>(items: readonly T[], valueOf: (item: T) => number, width: number, height: number): Cell<T>[] {
  const sorted = items.filter((i) => valueOf(i) > 0).sort((a, b) => valueOf(b) - valueOf(a));
  const total = sorted.reduce((sum, i) => sum + valueOf(i), 0);
  if (total === 0 || width <= 0 || height <= 0) return [];
  const scale = (width * height) / total;
  const cells: Cell<T>[] = [];
  let rect = { x: 0, y: 0, width, height };
  let row: { item: T; area: number }[] = [];
  const worst = (areas: number[], side: number) => {
    const sum = areas.reduce((a, b) => a + b, 0);
    const max = Math.max(...areas);
    const min = Math.min(...areas);
    return Math.max((side * side * max) / (sum * sum), (sum * sum) / (side * side * min));
  };
  const place = () => {
    const sum = row.reduce((a, r) => a + r.area, 0);
    if (rect.width >= rect.height) {
      // Column along the left side.
      const w = sum / rect.height;
      let y = rect.y;
      for (const r of row) {
        const h = r.area / w;
        cells.push({ item: r.item, x: rect.x, y, width: w, height: h });
        y += h;
      }
      rect = { x: rect.x + w, y: rect.y, width: rect.width - w, height: rect.height };
    } else {
      const h = sum / rect.width;
      let x = rect.x;
      for (const r of row) {
        const w = r.area / h;
        cells.push({ item: r.item, x, y: rect.y, width: w, height: h });
        x += w;
      }
      rect = { x: rect.x, y: rect.y + h, width: rect.width, height: rect.height - h };
    }
    row = [];
  };
  for (const item of sorted) {
    const area = valueOf(item) * scale;
    const side = Math.min(rect.width, rect.height);
    const current = row.map((r) => r.area);
    if (row.length > 0 && worst([...current, area], side) > worst(current, side)) place();
    row.push({ item, area });
  }
  if (row.length > 0) place();
  return cells;
}
