/**
 * Fault injection: answer a share of requests with a documented transient error, or late.
 * Parsed from `throttle=0.05,unavailable=0.01,latency=20ms`; per request through the header
 * `x-certconform-fault: throttle|unavailable`.
 */
export interface Faults {
  throttle: number;
  unavailable: number;
  latencyMs: number;
}

export const NO_FAULTS: Faults = { throttle: 0, unavailable: 0, latencyMs: 0 };

export function parseFaults(spec: string): Faults {
  const faults = { ...NO_FAULTS };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, raw = ''] = part.split('=');
    if (key === 'latency') {
      const m = /^(\d+)ms$/.exec(raw);
      if (!m) throw new Error(`fault 'latency' wants milliseconds like 20ms, got '${raw}'`);
      faults.latencyMs = Number(m[1]);
    } else if (key === 'throttle' || key === 'unavailable') {
      const p = Number(raw);
      if (raw === '' || !(p >= 0 && p <= 1)) throw new Error(`fault '${key}' wants a probability from 0 to 1, got '${raw}'`);
      faults[key] = p;
    } else {
      throw new Error(`unknown fault '${key}': expected throttle, unavailable or latency`);
    }
  }
  return faults;
}

/** Which fault, if any, this request gets. */
export function pickFault(faults: Faults, header: string | undefined, random = Math.random): 'throttle' | 'unavailable' | undefined {
  if (header === 'throttle' || header === 'unavailable') return header;
  const r = random();
  if (r < faults.throttle) return 'throttle';
  if (r < faults.throttle + faults.unavailable) return 'unavailable';
  return undefined;
}
