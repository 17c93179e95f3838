/** Time the control API can move, so retention and validity are testable in milliseconds. */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only move forward, got ${ms} ms`);
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }

  /** How far advance() moved it, kept by `--state` so a restart keeps the same time. */
  offset(): number {
    return this.offsetMs;
  }
}
