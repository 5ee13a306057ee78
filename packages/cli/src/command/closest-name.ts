function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known name closest to a mistyped one (edit distance ≤ 2), for "did you mean" hints.
 *
 * @example
 * ```ts
 * closestName('rendr', ['render', 'play']); // 'render'
 * ```
 */
export function closestName(typed: string, names: string[]): string | undefined {
  const ranked = names.map((name) => ({ name, cost: distance(typed, name) })).sort((a, b) => a.cost - b.cost);
  return ranked[0] !== undefined && ranked[0].cost <= 2 ? ranked[0].name : undefined;
}
