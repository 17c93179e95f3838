import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { narrowClient, narrowCredentials, noNarrowCredentials, type NarrowVia } from '../support/narrow.ts';
import { test } from '../support/test.ts';

// "IAM users must be assigned the required permissions" (scm:cert:delete): an IAM user whose
// grant lacks it is refused and the certificate survives. Once with AK/SK, once with a token.
// The narrow user first reads the certificate, so a credential that does not authenticate at
// all is told apart (not run) from a target that ignores the permission (failed).
const HOW: Record<NarrowVia, string> = { aksk: 'AK/SK', token: 'X-Auth-Token' };
const RULES = ['HWSCM-AUTH-005', 'HWSCM-AUTH-006'];

for (const via of ['aksk', 'token'] as const) {
  const title = `a delete by an IAM user without scm:cert:delete (${HOW[via]}) is refused and deletes nothing`;
  test(title, rules(RULES), async ({ scm, api, check, info, target }) => {
    const credentials = narrowCredentials(target, via);
    if (!credentials) {
      for (const rule of RULES) check.notRun(rule, noNarrowCredentials(via));
      return;
    }
    const id = await importFresh(scm, check, info.runId, `auth-narrow-${via}`);
    const narrow = narrowClient(api, check, credentials);
    const as = (op: string) => ({ label: `${op} as the narrow user (${HOW[via]})` });
    const read = await narrow.call('ShowCertificate', { path: { certificate_id: id } }, as('ShowCertificate'));
    if (read.status !== 200) {
      const answer = `${read.status}${read.code ? ` ${read.code}` : ''}`;
      const why = `the narrow ${HOW[via]} credential could not read the certificate (${answer}), `
        + 'so a refusal would say nothing about scm:cert:delete';
      for (const rule of RULES) check.notRun(rule, why);
      return;
    }
    const del = await narrow.call('DeleteCertificate', { path: { certificate_id: id } }, as('DeleteCertificate'));
    check.outcome('HWSCM-AUTH-005', del);
    const still = await scm.show(id, { label: 'ShowCertificate (full grant) afterwards' });
    const seen = `${still.status} from ShowCertificate(${id}) with the full grant`;
    check.that('HWSCM-AUTH-005', still.status === 200, seen, 'the certificate still there (200)');
    check.outcome('HWSCM-AUTH-006', del);
  });
}
