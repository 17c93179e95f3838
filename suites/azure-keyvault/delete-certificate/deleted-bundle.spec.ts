import { x5t } from '../../support/certs/fingerprint.ts';
import { rules } from '../../support/rules.ts';
import { asObj, recoveryLevelOf, softDeletes, versionOf } from '../support/bundle.ts';
import { deleteCert, getCert } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

const LEVELS_7_0 = ['Purgeable', 'Recoverable+Purgeable', 'Recoverable', 'Recoverable+ProtectedSubscription'];
const has = (o: Record<string, unknown>, k: string) => o[k] !== undefined && o[k] !== null;
const sameUrl = (a: unknown, b: string) => typeof a === 'string' && URL.canParse(a) && new URL(a).host === new URL(b).host && new URL(a).pathname === new URL(b).pathname;

test(
  'deleting a certificate answers 200 with a deleted bundle that keeps its identity',
  rules(['AZKV-DEL-001', 'AZKV-DEL-002', 'AZKV-DEL-003', 'AZKV-DEL-004', 'AZKV-DEL-007', 'AZKV-DEL-008']),
  async ({ api, check, vault, target }) => {
    const name = vault.newName('delbundle');
    const { ex: imp } = await vault.import(name, { tags: { purpose: 'certconform', run: vault.info.runId } });
    precondition(imp, 200, 'ImportCertificate');
    const before = asObj((await getCert(api, name)).body);
    const del = await deleteCert(api, name);
    vault.pending.add(name);
    check.outcome('AZKV-DEL-001', del);
    const b = asObj(del.body);
    const level = recoveryLevelOf(b);

    const needed = ['id', 'cer', 'x5t', 'attributes', ...(softDeletes(level) ? ['recoveryId', 'deletedDate', 'scheduledPurgeDate'] : [])];
    const missing = needed.filter((k) => !has(b, k));
    check.that('AZKV-DEL-002', missing.length === 0, `bundle without ${missing.join(', ')} (recoveryLevel ${level})`, needed.join(', '));
    check.that('AZKV-DEL-007', LEVELS_7_0.includes(level ?? ''), `attributes.recoveryLevel ${JSON.stringify(level)}`, LEVELS_7_0.join(' | '));

    for (const k of ['id', 'cer', 'x5t'] as const) check.that('AZKV-DEL-003', b[k] === before[k], `${k} ${JSON.stringify(b[k])}`, `${k} as GetCertificate returned it: ${JSON.stringify(before[k])}`);
    check.that('AZKV-DEL-003', JSON.stringify(b.tags ?? {}) === JSON.stringify(before.tags ?? {}), `tags ${JSON.stringify(b.tags)}`, `tags ${JSON.stringify(before.tags)}`);

    const version = versionOf(b.id, name);
    check.that('AZKV-DEL-004', !!version && sameUrl(b.id, `${target.url}/certificates/${name}/${version}`), `id ${JSON.stringify(b.id)}`, `${target.url}/certificates/${name}/{version}`);
    if (softDeletes(level)) check.that('AZKV-DEL-004', sameUrl(b.recoveryId, `${target.url}/deletedcertificates/${name}`), `recoveryId ${JSON.stringify(b.recoveryId)}`, `${target.url}/deletedcertificates/${name}`);

    const cer = typeof b.cer === 'string' ? new Uint8Array(Buffer.from(b.cer, 'base64')) : new Uint8Array();
    check.that('AZKV-DEL-008', cer.length > 0 && b.x5t === x5t(cer), `x5t ${JSON.stringify(b.x5t)}`, `base64url SHA-1 of cer: ${cer.length ? x5t(cer) : '(no cer)'}`);
  },
);
