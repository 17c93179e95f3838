/**
 * A small, strict XML 1.0 reader for the JUnit tests (no dependency): elements, attributes,
 * text, the five named entities and character references, comments and the declaration.
 * It throws where a conforming parser must: characters XML cannot carry, a raw `<` or `&`,
 * unquoted or repeated attributes, mismatched tags, anything after the root. Attribute values
 * are normalised as the spec says (a literal tab or line break becomes a space).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function parseXml(src: string): XmlElement {
  const bad = NOT_XML.exec(src);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML (at ${bad.index})`);
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i}: ${JSON.stringify(src.slice(i, i + 30))}`);
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('raw < in a value');
    return raw.replace(/&([^;&\s]*);?/g, (m, ref: string) => {
      if (!m.endsWith(';')) fail(`bare & (${m})`);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
      return ENTITIES[ref] ?? fail(`unknown entity &${ref};`);
    });
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(src[i] ?? '')) i++;
      const close = src.startsWith('<?', i) ? '?>' : src.startsWith('<!--', i) ? '-->' : undefined;
      if (!close) return;
      const end = src.indexOf(close, i);
      if (end < 0) fail(`unclosed ${close === '?>' ? 'declaration' : 'comment'}`);
      i = end + close.length;
    }
  };
  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.-]*)/.exec(src.slice(i)) ?? fail('expected an element');
    const el: XmlElement = { name: open[1]!, attrs: {}, children: [], text: '' };
    i += open[0].length;
    for (;;) {
      const attr = /^\s+([A-Za-z_][\w.-]*)="([^"]*)"/.exec(src.slice(i));
      if (!attr) break;
      if (attr[1]! in el.attrs) fail(`repeated attribute ${attr[1]}`);
      el.attrs[attr[1]!] = decode(attr[2]!.replace(/[\t\n\r]/g, ' '));
      i += attr[0].length;
    }
    while (/\s/.test(src[i] ?? '')) i++;
    if (src.startsWith('/>', i)) return (i += 2), el;
    if (src[i] !== '>') fail(`malformed start tag <${el.name}>`);
    i++;
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(src.slice(i, lt));
      i = lt;
      if (src.startsWith('<!--', i)) skipMisc();
      else if (src.startsWith(`</${el.name}>`, i)) return (i += el.name.length + 3), el;
      else if (src.startsWith('</', i)) fail(`mismatched end tag inside <${el.name}>`);
      else el.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== src.length) fail('content after the root element');
  return root;
}

/** Every descendant element with this name, in document order. */
export function all(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}
