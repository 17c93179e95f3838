import { createPrivateKey } from 'node:crypto';
import { ApiError } from '../../host/api-error.ts';
import type { Handler } from '../../host/types.ts';
import { parseCertificates } from '../../providers/huawei-scm/certificate.ts';
import type { ImportBody } from '../../providers/huawei-scm/engine.ts';
import { factsOf } from '../../providers/huawei-scm/facts.ts';
import { nextCertificateId } from '../../providers/huawei-scm/ids.ts';
import type { CertRecord, ScmState } from '../../providers/huawei-scm/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

/** An import that never looks at the private key: the certificate alone makes the record. */
const storeWithoutKeyCheck: Handler<ScmState> = (input, s, ctx) => {
  const body = input.body as ImportBody;
  const [leaf, ...chain] = parseCertificates(body.certificate, 'certificate');
  const now = ctx.clock.now();
  const record: CertRecord = {
    id: nextCertificateId(s, now),
    name: body.name,
    status: 'UPLOAD',
    enterpriseProjectId: '0',
    certificate: leaf.toString('pem'),
    chain: chain.map((c) => c.toString('pem')),
    facts: factsOf(leaf),
    createdAt: now,
    updatedAt: now,
  };
  s.certificates.set(record.id, record);
  return { status: 200, body: { certificate_id: record.id } };
};

const parsable = (pem: string) => {
  try {
    return !!createPrivateKey(pem);
  } catch {
    return false;
  }
};

/** Lets the engine's refusal `code` through as an import when `applies` says the key is the kind this mutant waves through. */
const acceptKeyRefusal = (code: string, applies: (key: string) => boolean): Mutant['module'] => (m) =>
  wrapHandler<ScmState>(m, 'ImportCertificate', (next) => async (input, s, ctx) => {
    try {
      return await next(input, s, ctx);
    } catch (e) {
      if (e instanceof ApiError && e.code === code && applies(String((input.body as ImportBody).private_key))) return storeWithoutKeyCheck(input, s, ctx);
      throw e;
    }
  });

/** The private key checks of ImportCertificate, each skipped once. */
export const privateKey: Mutant[] = [
  {
    name: 'huawei-scm/wrong-private-key-accepted',
    description: "a well-formed private key that is not the certificate's own is accepted",
    rules: ['HWSCM-IMP-004'],
    module: acceptKeyRefusal('SCM.0012', parsable),
  },
  {
    name: 'huawei-scm/encrypted-private-key-accepted',
    description: 'a passphrase-protected private key is accepted',
    rules: ['HWSCM-IMP-005'],
    module: acceptKeyRefusal('SCM.0114', (key) => key.includes('ENCRYPTED')),
  },
];
