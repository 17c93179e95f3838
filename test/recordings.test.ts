import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPECS_DIR } from '../lib/paths.ts';
import { loadCatalog, type Outcome } from '../lib/rules/catalog.ts';
import { errorCodeOf } from '../lib/spec/dialect.ts';
import { loadSpec } from '../lib/spec/load.ts';
import { contractViolation } from '../suites/support/checks/contract.ts';
import { judge, type Recorded } from './support/recorded-judges.ts';

// Real Key Vault answers (specs/recordings/azure-keyvault/, README there) through the suite's own
// contract check and the outcome sets and predicates of the rules that judge them: a refusal here
// is a false failure the suite would give a real vault.

const DIR = join(SPECS_DIR, 'recordings', 'azure-keyvault');
const spec = loadSpec('azure-keyvault');
const rules = new Map(loadCatalog('azure-keyvault').rules.map((r) => [r.id, r]));

interface Group {
  title: string;
  source: { repo: string; path: string | null; commit: string | null; indexFileId?: string; recorded: string };
  apiVersion: string;
  apiVersionEvidence: string;
  exchanges: Recorded[];
}

const groups = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, group: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Group }));

/**
 * Members that api-versions after 7.0 added (reference §2.2: `attributes.recoverableDays`). A later
 * exchange is judged on what 7.0 also documents: these are removed first, wherever they stand.
 */
const LATER_MEMBERS = ['recoverableDays'];
function as70(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(as70);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([k]) => !LATER_MEMBERS.includes(k));
  return Object.fromEntries(entries.map(([k, v]) => [k, as70(v)]));
}

/** The path template of an operation as a regular expression over a recorded path. */
const pathPattern = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);

const matches = (status: number, code: string | undefined, o: Outcome) => o.status === status && (o.code === undefined || o.code === code);

for (const { file, group } of groups) {
  test(`${file}: every recorded answer passes the contract and the rules that judge it`, () => {
    const s = group.source;
    expect(s.repo, 'a source repository').toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(s.commit ?? s.indexFileId, 'a commit, or the index file id where no commit was served').toMatch(/^([0-9a-f]{40}|\d+)$/);
    expect(group.apiVersion, 'an api-version').toMatch(/^7\.\d+$/);
    expect(group.exchanges.length).toBeGreaterThan(0);
    const later = group.apiVersion !== '7.0';
    const problems: string[] = [];
    group.exchanges.forEach((recorded, i) => {
      const where = `#${i} ${recorded.operationId} ${recorded.response.status}`;
      const op = spec.operations.get(recorded.operationId);
      if (!op) return problems.push(`${where}: no operation ${recorded.operationId} in the spec`);
      if (op.method !== recorded.request.method.toLowerCase() || !pathPattern(op.path).test(recorded.request.path)) {
        return problems.push(`${where}: ${recorded.request.method} ${recorded.request.path} is not ${op.method.toUpperCase()} ${op.path}`);
      }
      const body = later ? as70(recorded.response.body) : recorded.response.body;
      const headers = recorded.response.headers ?? {};
      const ex = { op, status: recorded.response.status, headers, body, text: body === undefined ? '' : JSON.stringify(body), code: errorCodeOf(spec, headers, body) };
      const violation = contractViolation(spec, ex);
      if (violation) problems.push(`${where}: AZKV-SPEC-001 received ${violation.received} / documented ${violation.documented}`);
      for (const id of recorded.judgedBy) {
        const rule = rules.get(id);
        if (!rule) {
          problems.push(`${where}: unknown rule ${id}`);
          continue;
        }
        const outcomes = rule.outcomes.filter((o) => (o.operation ?? rule.operation) === op.operationId);
        if (!outcomes.some((o) => matches(ex.status, ex.code, o))) {
          problems.push(`${where}: ${id} (${rule.level}) documents ${outcomes.map((o) => `${o.status}${o.code ? ` ${o.code}` : ''}`).join(' | ') || `nothing for ${op.operationId}`}`);
        }
        const why = judge(id, { ...recorded, response: { ...recorded.response, body } }, group.exchanges.slice(0, i));
        if (why) problems.push(`${where}: ${id} (${rule.level}) ${why}`);
      }
    });
    expect(problems).toEqual([]);
  });
}

test('the corpus holds the real answers the fidelity audit names', () => {
  const all = groups.flatMap(({ group }) => group.exchanges.map((e) => ({ ...e, apiVersion: group.apiVersion })));
  const at70 = all.filter((e) => e.apiVersion === '7.0');
  const body = (e: Recorded) => (e.response.body ?? {}) as Record<string, any>;
  const found = {
    customizedLevelAt70: at70.some((e) => String(body(e).attributes?.recoveryLevel).startsWith('CustomizedRecoverable')),
    purgeBeingDeletedAt70: at70.some((e) => e.operationId === 'PurgeDeletedCertificate' && e.response.status === 409 && body(e).error?.innererror?.code === 'ObjectIsBeingDeleted'),
    deletedBundleWithoutCer: all.some((e) => e.operationId === 'DeleteCertificate' && e.response.status === 200 && body(e).cer === undefined),
    challenge401: all.some((e) => e.response.status === 401 && e.response.headers?.['www-authenticate']?.startsWith('Bearer ')),
    laterVersion: all.some((e) => e.apiVersion !== '7.0'),
  };
  expect(found).toEqual({ customizedLevelAt70: true, purgeBeingDeletedAt70: true, deletedBundleWithoutCer: true, challenge401: true, laterVersion: true });
  expect(all.reduce((n, e) => n + (e.repeat ?? 1), 0)).toBeGreaterThanOrEqual(30);
});
