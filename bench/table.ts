/** One line of the benchmark's table: a figure, its value, its target, and whether it is met. */
export interface Row {
  figure: string;
  value: string;
  /** '' when the figure is context only (absolute numbers on a shared machine). */
  target: string;
  /** undefined for context rows; false also when the measurement itself was invalid. */
  met?: boolean;
}

export const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

const metText = (r: Row) => (r.met === undefined ? '' : r.met ? 'yes' : 'NO');

/** A Markdown table (pastes into the README as is, reads fine in a terminal). */
export function renderTable(rows: Row[]): string {
  const cells = [['figure', 'value', 'target', 'met?'], ...rows.map((r) => [r.figure, r.value, r.target, metText(r)])];
  const width = [0, 1, 2, 3].map((c) => Math.max(...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}
