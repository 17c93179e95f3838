import { PROVIDERS, isProvider } from '../../lib/providers.ts';
import type { ConformanceReport } from '../report.ts';

/** `--min-score aws-iot=0.95`, `aws-iot@mock=0.95`, or a bare `0.9` for every target. */
export interface MinScore {
  provider?: string;
  target?: string;
  min: number;
}

export class MinScoreError extends Error {}

export function parseMinScore(spec: string): MinScore {
  const m = /^(?:([a-z-]+)(?:@([^=]+))?=)?([0-9.]+)$/.exec(spec.trim());
  const min = m ? Number(m[3]) : NaN;
  if (!m || !Number.isFinite(min) || min < 0 || min > 1) {
    throw new MinScoreError(`--min-score takes provider=x, provider@target=x or x, with x between 0 and 1 (e.g. aws-iot=0.95), got '${spec}'`);
  }
  if (m[1] !== undefined && !isProvider(m[1])) throw new MinScoreError(`--min-score: unknown provider '${m[1]}' (known: ${PROVIDERS.join(', ')})`);
  return { ...(m[1] ? { provider: m[1] } : {}), ...(m[2] ? { target: m[2] } : {}), min };
}

export const minScoreName = (s: MinScore) => `${s.provider ?? 'every target'}${s.target ? `@${s.target}` : ''} >= ${s.min}`;

export interface ScoreCheck {
  threshold: MinScore;
  project?: string;
  /** MUST passed / MUST run; null when no MUST rule ran (nothing to judge). */
  score?: number | null;
  below: boolean;
}

/** Each threshold against each matching project of the report's summary (score = MUST passed / run). */
export function checkScores(report: ConformanceReport, thresholds: MinScore[]): ScoreCheck[] {
  const out: ScoreCheck[] = [];
  for (const t of thresholds) {
    const projects = Object.entries(report.summary).filter(([project]) => {
      const [provider, target] = [project.slice(0, project.indexOf('@')), project.slice(project.indexOf('@') + 1)];
      return (!t.provider || t.provider === provider) && (!t.target || t.target === target);
    });
    if (!projects.length) out.push({ threshold: t, below: false });
    for (const [project, s] of projects) out.push({ threshold: t, project, score: s.score, below: s.score !== null && s.score < t.min });
  }
  return out;
}
