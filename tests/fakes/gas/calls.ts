/** Counting service calls: every fake method records itself, so tests assert budgets as call counts. */

export class Calls {
  private readonly counts = new Map<string, number>();
  hit(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  /** Service calls (builders excluded: they run locally in Apps Script). */
  total(): number {
    let n = 0;
    for (const [k, v] of this.counts) if (!k.startsWith('builder.')) n += v;
    return n;
  }
  of(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  /** Calls that fetch cell data from a range. */
  reads(): number {
    return [
      'Range.getValues',
      'Range.getNumberFormats',
      'Range.getFormulas',
      'Range.getDisplayValues',
      'Range.getNotes',
      'Range.getBackgrounds',
    ].reduce((n, k) => n + this.of(k), 0);
  }
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].filter(([k]) => !k.startsWith('builder.')).sort((a, b) => b[1] - a[1]));
  }
  reset(): void {
    this.counts.clear();
  }
}
