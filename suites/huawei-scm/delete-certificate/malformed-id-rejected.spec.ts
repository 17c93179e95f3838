import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// Ids one character short or long of the documented 16 are refused even when they are a real
// id with a character cut off or added: the certificate they resemble must survive.
test('ids of 15 and 17 characters next to a real id are refused and delete nothing', rules(['HWSCM-DEL-005']), async ({ scm, check, info }) => {
  const id = await importFresh(scm, check, info.runId, 'del-len');
  for (const wrong of [id.slice(0, 15), `${id}0`, `0${id}`]) {
    check.outcome('HWSCM-DEL-005', await scm.delete(wrong, { label: `DeleteCertificate ${wrong.length} chars` }));
  }
  const still = await scm.show(id, { label: 'ShowCertificate of the real id' });
  check.that('HWSCM-DEL-005', still.status === 200, `${still.status} from ShowCertificate(${id})`, 'the real certificate still there (200)');
});
