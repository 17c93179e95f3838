import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// Names outside "3 to 63 characters; letters, numbers, _, - and .": too short, too long,
// and each kind of forbidden character, with an otherwise valid upload.
const NAMES = ['', 'ab', 'a'.repeat(64), 'cc name', 'cc/name', 'cc!name', 'cc*name', 'zertifikat-ü', 'cc名'];

test('names shorter than 3, longer than 63 or with other characters are refused', rules(['HWSCM-IMP-007']), async ({ scm, check, info }) => {
  const body = await freshBody(info.runId, 'imp-name');
  for (const name of NAMES) {
    const { ex } = await scm.import({ ...body, name }, { label: `ImportCertificate name=${JSON.stringify(name.slice(0, 16))} (${name.length})` });
    check.outcome('HWSCM-IMP-007', ex);
  }
});
