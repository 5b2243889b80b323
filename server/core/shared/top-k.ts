/**
 * Bounded selection: the best `k` of `n` items in O(n log k), so ranking 10,000 agents for a
 * decision that records a handful of candidates never pays for a full sort.
 */

/** Indices 0..n-1 of the best `k` items, best first; `compare(i, j) < 0` means i ranks before j. */
export function topKIndices(n: number, k: number, compare: (i: number, j: number) => number): number[] {
  const size = Math.max(0, Math.min(k, n));
  if (size === 0) return [];
  // A heap whose root is the worst item kept, so each newcomer is tested against one item.
  const heap: number[] = [];
  for (let i = 0; i < n; i++) {
    if (heap.length < size) {
      heap.push(i);
      siftUp(heap, heap.length - 1, compare);
    } else if (compare(i, heap[0]) < 0) {
      heap[0] = i;
      siftDown(heap, compare);
    }
  }
  return heap.sort(compare);
}

/** The best `k` items, best first; `compare(a, b) < 0` means a ranks before b. */
export function topK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  return topKIndices(items.length, k, (i, j) => compare(items[i], items[j])).map((i) => items[i]);
}

/** Median of the values (mean of the two middle ones for an even count); null when empty. O(n). */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const a = Float64Array.from(values);
  const hi = select(a, n >> 1);
  if (n % 2 === 1) return hi;
  // After selection everything left of n/2 is ≤ hi: the lower middle is their maximum.
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i] > lo) lo = a[i];
  return (lo + hi) / 2;
}

function siftUp(heap: number[], at: number, compare: (i: number, j: number) => number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (compare(heap[at], heap[parent]) <= 0) return;
    [heap[at], heap[parent]] = [heap[parent], heap[at]];
    at = parent;
  }
}

function siftDown(heap: number[], compare: (i: number, j: number) => number): void {
  let at = 0;
  for (;;) {
    const l = 2 * at + 1;
    const r = l + 1;
    let worst = at;
    if (l < heap.length && compare(heap[l], heap[worst]) > 0) worst = l;
    if (r < heap.length && compare(heap[r], heap[worst]) > 0) worst = r;
    if (worst === at) return;
    [heap[at], heap[worst]] = [heap[worst], heap[at]];
    at = worst;
  }
}

/** Quickselect (Hoare partition, middle pivot): puts the k-th smallest at a[k] and returns it. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
