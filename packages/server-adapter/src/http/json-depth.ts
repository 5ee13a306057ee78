/**
 * The deepest nesting of arrays and objects in a JSON text, scanning at most until `limit` is passed
 * (strings and their escapes are skipped). Runs before `JSON.parse`, so a body nested thousands of levels
 * deep is refused without any recursive code ever seeing it.
 *
 * @example
 * ```ts
 * jsonDepth('{"a":[1,[2]]}', 64); // 3
 * jsonDepth('['.repeat(1000), 64); // 65: stops counting once past the limit
 * ```
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return deepest;
}
