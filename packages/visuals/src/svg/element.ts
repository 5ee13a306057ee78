import { escapeXml } from './escape-xml';
import { num } from './format-number';

/** Attribute values: numbers are written with {@link num}; `undefined` and `false` leave the attribute out. */
export type Attributes = Record<string, string | number | boolean | undefined>;

function attributeText(attributes: Attributes): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    const written = value === true ? name : typeof value === 'number' ? num(value) : escapeXml(value);
    text += ` ${name}="${written}"`;
  }
  return text;
}

/**
 * One SVG element as text. Children are already-serialised elements (or text escaped by the caller);
 * attributes keep their insertion order, so output is byte-stable.
 *
 * @example
 * ```ts
 * element('circle', { cx: 10, cy: 10, r: 4.5, fill: 'none' }); // '<circle cx="10" cy="10" r="4.5" fill="none"/>'
 * ```
 */
export function element(name: string, attributes: Attributes = {}, children?: string | readonly string[]): string {
  const inner = children === undefined ? '' : typeof children === 'string' ? children : children.join('');
  return inner === '' ? `<${name}${attributeText(attributes)}/>` : `<${name}${attributeText(attributes)}>${inner}</${name}>`;
}

/**
 * A `<text>` element whose content is escaped.
 *
 * @example
 * ```ts
 * textElement('Sun & Moon', { x: 4, y: 12 }); // '<text x="4" y="12">Sun &amp; Moon</text>'
 * ```
 */
export function textElement(content: string, attributes: Attributes = {}): string {
  return element('text', attributes, escapeXml(content));
}
