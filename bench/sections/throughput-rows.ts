import type { BenchConfig } from '../config.ts';
import type { LoadResult } from '../load/measure.ts';
import { fixed, ratio, type Row } from '../table.ts';

export interface Trio {
  bare: LoadResult;
  mock: LoadResult;
  prism: LoadResult;
}

/** aws-iot loads also run against the bare server that verifies SigV4 signatures. */
export interface Signed extends Trio {
  signed: LoadResult;
}

export interface Measured {
  awsCycle: Signed & { state: LoadResult; durable: LoadResult };
  awsError: Signed;
  azureCycle: Trio;
}

/** A measurement with wrong answers (or errors) measured something else: it meets no target. */
const invalid = (...rs: LoadResult[]) => rs.reduce((n, r) => n + r.unexpected, 0);

function check(figure: string, value: number, shown: string, target: string, ok: (v: number) => boolean, ...rs: LoadResult[]): Row {
  const bad = invalid(...rs);
  return { figure, value: bad ? `${shown} (INVALID: ${bad} unexpected answers)` : shown, target, met: !bad && Number.isFinite(value) && ok(value) };
}

const cpu = (r: LoadResult) => (r.cpuUs === undefined ? 'n/a' : fixed(r.cpuUs));

/**
 * Where the mock's time goes, as context: server CPU per request of the bare server, the bare
 * server that verifies signatures (aws-iot) and the mock, and the share of the ceiling that
 * signature verification alone leaves.
 */
function costRows(name: string, t: Trio | Signed): Row[] {
  const signed = 'signed' in t ? t.signed : undefined;
  const rows: Row[] = [
    {
      figure: `${name}: server CPU µs/request, bare${signed ? ' / bare + SigV4 verify' : ''} / mock / Prism`,
      value: [t.bare, ...(signed ? [signed] : []), t.mock, t.prism].map(cpu).join(' / '),
      target: '',
    },
  ];
  if (signed) {
    rows.push({
      figure: `${name}: req/s bare + SigV4 verify / bare; mock / bare + SigV4 verify`,
      value: `${fixed(ratio(signed.rps, t.bare.rps), 2)}; ${fixed(ratio(t.mock.rps, signed.rps), 2)}${invalid(signed) ? ' (INVALID)' : ''}`,
      target: '',
    });
  }
  return rows;
}

/** The rows of one workload: the absolute numbers as context, then the three ratios with targets. */
function trioRows(name: string, ceiling: string, t: Trio | Signed): Row[] {
  const vsBare = ratio(t.mock.rps, t.bare.rps);
  const vsPrism = ratio(t.mock.rps, t.prism.rps);
  // autocannon reports whole milliseconds: a 0 ms p99 counts as 1 ms so the ratio stays defined.
  const p99 = ratio(Math.max(t.mock.p99, 1), Math.max(t.bare.p99, 1));
  return [
    { figure: `${name}: req/s mock (${ceiling}, Prism)`, value: `${fixed(t.mock.rps)} (${fixed(t.bare.rps)}, ${fixed(t.prism.rps)})`, target: '' },
    check(`${name}: mock / ${ceiling} req/s`, vsBare, fixed(vsBare, 2), '>= 0.50', (v) => v >= 0.5, t.mock, t.bare),
    check(`${name}: mock / Prism req/s`, vsPrism, `${fixed(vsPrism, 1)}x`, '>= 8x', (v) => v >= 8, t.mock, t.prism),
    check(`${name}: p99 mock / ${ceiling}`, p99, `${fixed(p99, 2)} (${t.mock.p99} / ${t.bare.p99} ms)`, '<= 2', (v) => v <= 2, t.mock, t.bare),
    ...costRows(name, t),
  ];
}

export function loadRows(m: Measured, cfg: BenchConfig): Row[] {
  const c = m.awsCycle;
  return [
    ...trioRows('aws-iot cycle', 'bare node:http', c),
    ...trioRows('aws-iot delete unknown (404)', 'bare node:http', m.awsError),
    ...trioRows('azure-keyvault cycle (HTTPS)', 'bare node:https', m.azureCycle),
    {
      figure: 'aws-iot cycle: req/s --state, --state --durable / mock',
      value: `${fixed(ratio(c.state.rps, c.mock.rps), 2)}, ${fixed(ratio(c.durable.rps, c.mock.rps), 2)} (${fixed(c.state.rps)}, ${fixed(c.durable.rps)} req/s)${invalid(c.state, c.durable) ? ' (INVALID)' : ''}`,
      target: '',
    },
    { figure: 'load', value: `${cfg.connections} connections, ${cfg.duration} s each after ${cfg.warmup} s warm-up`, target: '' },
  ];
}
