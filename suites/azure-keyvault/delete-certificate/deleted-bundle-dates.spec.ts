import { rules } from '../../support/rules.ts';
import { asObj, attributesOf, recoveryLevelOf, softDeletes } from '../support/bundle.ts';
import { retentionProblem } from '../support/deleted-bundle.ts';
import { deleteCert } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

const DAY = 86_400;
const SLACK = 300; // "within minutes": clocks of client and vault may differ a little
const nowS = () => Math.floor(Date.now() / 1000);
const isInt = (v: unknown): v is number => Number.isInteger(v);

test(
  'the deleted bundle dates the deletion in Unix seconds and schedules the purge by the vault\'s retention',
  rules(['AZKV-DEL-005', 'AZKV-DEL-006', 'AZKV-FMT-003']),
  async ({ api, check, vault }) => {
    const name = vault.newName('deldates');
    const { ex: imp, cert } = await vault.import(name);
    precondition(imp, 200, 'ImportCertificate');
    const t0 = nowS();
    const del = await deleteCert(api, name);
    const t1 = nowS();
    vault.pending.add(name);
    precondition(del, 200, 'DeleteCertificate');
    const b = asObj(del.body);
    const a = attributesOf(b);

    // Integer seconds: nbf/exp equal the certificate's own validity (ms or ISO would not).
    const nbf = Math.floor(cert.cert.notBefore.getTime() / 1000);
    const exp = Math.floor(cert.cert.notAfter.getTime() / 1000);
    check.that('AZKV-FMT-003', a.nbf === nbf && a.exp === exp, `attributes.nbf ${JSON.stringify(a.nbf)}, exp ${JSON.stringify(a.exp)}`, `nbf ${nbf}, exp ${exp} (the certificate's validity in Unix seconds)`);
    for (const k of ['created', 'updated'] as const) {
      check.that('AZKV-FMT-003', isInt(a[k]) && a[k] >= t0 - 30 * DAY && a[k] <= t1 + SLACK, `attributes.${k} ${JSON.stringify(a[k])}`, `integer Unix seconds near ${t0}`);
    }
    if (!softDeletes(recoveryLevelOf(b))) {
      const why = `the vault does not soft-delete (recoveryLevel ${recoveryLevelOf(b)}): the bundle has no deletion dates`;
      check.notApplicable('AZKV-DEL-005', why);
      return check.notApplicable('AZKV-DEL-006', why);
    }
    const { deletedDate: d, scheduledPurgeDate: p } = b;
    check.that('AZKV-FMT-003', isInt(d) && d >= t0 - SLACK && d <= t1 + SLACK, `deletedDate ${JSON.stringify(d)}`, `integer Unix seconds within ${SLACK} s of ${t0}..${t1}`);
    check.that('AZKV-DEL-005', isInt(d) && isInt(p) && p > d && d >= t0 - SLACK && d <= t1 + SLACK, `deletedDate ${JSON.stringify(d)}, scheduledPurgeDate ${JSON.stringify(p)}`, `deletedDate = time of the delete (${t0}), scheduledPurgeDate > deletedDate`);
    const retention = retentionProblem(b);
    check.that('AZKV-DEL-006', !retention, `retention ${retention}`, '7 to 90 days: 90 at the 7.0 levels, under 90 at CustomizedRecoverable*');
  },
);
