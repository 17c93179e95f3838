/**
 * XML 1.0 escaping for text and attribute values. Characters XML 1.0 cannot carry at all (C0
 * controls other than tab, newline and carriage return; U+FFFE/U+FFFF; lone surrogates) appear
 * as a visible `\u001b`-style escape instead, so an ANSI-coloured error message or a binary
 * response body still yields a file every JUnit consumer parses.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also keep their quotes, line breaks and tabs (a parser would fold them to spaces). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

type Attrs = Record<string, string | number | undefined>;

/** ` k="v"` for each defined attribute, escaped. */
export const attrs = (a: Attrs): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

/** An element with escaped attributes and an optional escaped text body. */
export function element(name: string, a: Attrs, body?: string): string {
  return body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${xmlText(body)}</${name}>`;
}
