import { rules } from '../../support/rules.ts';
import { asObj, recoveryLevelOf, softDeletes, versionOf } from '../support/bundle.ts';
import { hasRecoveryLevel, missingDetails, missingNamed, x5tOfCer } from '../support/deleted-bundle.ts';
import { deleteCert, getCert } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

const sameUrl = (a: unknown, b: string) => typeof a === 'string' && URL.canParse(a) && new URL(a).host === new URL(b).host && new URL(a).pathname === new URL(b).pathname;

test(
  'deleting a certificate answers 200 with a deleted bundle that keeps its identity',
  rules(['AZKV-DEL-001', 'AZKV-DEL-002', 'AZKV-DEL-003', 'AZKV-DEL-004', 'AZKV-DEL-007', 'AZKV-DEL-008', 'AZKV-DEL-020']),
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

    // The certificate was imported with tags and has an issued version (what DEL-002/020 ask then).
    const named = missingNamed(b, true);
    check.that('AZKV-DEL-002', named.length === 0, `bundle without ${named.join(', ')} (recoveryLevel ${level})`, 'id, attributes, tags, and scheduledPurgeDate in a soft-delete vault');
    const details = missingDetails(b, true);
    check.that('AZKV-DEL-020', details.length === 0, `bundle without ${details.join(', ')} (recoveryLevel ${level})`, 'cer, x5t, and recoveryId, deletedDate in a soft-delete vault');
    check.that('AZKV-DEL-007', hasRecoveryLevel(b), `attributes.recoveryLevel ${JSON.stringify(level)}`, 'a recovery level (an extensible set of strings)');

    for (const k of ['id', 'cer', 'x5t'] as const) {
      const rule = k === 'id' ? 'AZKV-DEL-003' : 'AZKV-DEL-020'; // the seed's sentence names id, not cer/x5t
      check.that(rule, b[k] === before[k], `${k} ${JSON.stringify(b[k])}`, `${k} as GetCertificate returned it: ${JSON.stringify(before[k])}`);
    }
    check.that('AZKV-DEL-003', JSON.stringify(b.tags ?? {}) === JSON.stringify(before.tags ?? {}), `tags ${JSON.stringify(b.tags)}`, `tags ${JSON.stringify(before.tags)}`);

    const version = versionOf(b.id, name);
    check.that('AZKV-DEL-004', !!version && sameUrl(b.id, `${target.url}/certificates/${name}/${version}`), `id ${JSON.stringify(b.id)}`, `${target.url}/certificates/${name}/{version}`);
    if (softDeletes(level)) check.that('AZKV-DEL-004', sameUrl(b.recoveryId, `${target.url}/deletedcertificates/${name}`), `recoveryId ${JSON.stringify(b.recoveryId)}`, `${target.url}/deletedcertificates/${name}`);

    const thumb = x5tOfCer(b);
    check.that('AZKV-DEL-008', thumb.ok, `x5t ${JSON.stringify(b.x5t)}`, `base64url SHA-1 of cer: ${thumb.expected}`);
  },
);
