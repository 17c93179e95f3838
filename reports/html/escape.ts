/**
 * The page's only ways to put report data into HTML. Everything in a report can come from the
 * target under test (a response body may hold `</script>` or `<img onerror>`), so every value
 * goes through `esc` (text and attributes) or `jsonScript` (the embedded data block).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * JSON safe inside `<script type="application/json">`: `<` becomes \u003c so no `</script>` or
 * `<!--` can end or bend the element; `>`, `&` and the JS line separators go too, for any
 * consumer that treats the block as script. JSON.parse reads the escapes back unchanged.
 */
export function jsonScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
