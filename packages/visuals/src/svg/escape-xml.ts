// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what XML forbids and this finds
const NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escape text for SVG content and attribute values; characters XML 1.0 forbids (control characters,
 * lone surrogates) are dropped.
 *
 * @example
 * ```ts
 * escapeXml('Tara & Chenrezig <3'); // 'Tara &amp; Chenrezig &lt;3'
 * ```
 */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removes the control characters XML forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/[&<>"']/g, (character) => ENTITIES[character]!)
  );
}
