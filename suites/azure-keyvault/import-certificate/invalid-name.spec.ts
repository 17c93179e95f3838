import { selfSigned } from '../../support/certs/generate.ts';
import { azureImportBody } from '../../support/certs/import-bodies.ts';
import { rules } from '../../support/rules.ts';
import { test } from '../support/test.ts';

// Characters outside ^[0-9a-zA-Z-]+$ that a careless implementation might let through.
for (const bad of ['_', '.', '~']) {
  test(`a certificate name with "${bad}" is refused with 400`, rules(['AZKV-IMP-003']), async ({ api, check, vault }) => {
    const name = `${vault.newName('bad')}${bad}x`;
    vault.track(name); // only reached by an implementation that wrongly accepts it
    const ex = await api.call('ImportCertificate', { path: { 'certificate-name': name }, body: azureImportBody(await selfSigned({ ca: false })) });
    check.outcome('AZKV-IMP-003', ex);
  });
}
