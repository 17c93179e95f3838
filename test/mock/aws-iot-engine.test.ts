import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { expect, test } from '@playwright/test';
import * as x509 from '@peculiar/x509';
import { statusesForCode } from '../../lib/spec/dialect.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import { ApiError } from '../../mock/host/api-error.ts';
import * as engine from '../../mock/providers/aws-iot/engine.ts';
import * as errors from '../../mock/providers/aws-iot/errors.ts';

/** The engine without HTTP: error statuses from the spec, paging, atomic failures, lifecycle. */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const spec = loadSpec('aws-iot');
const where = { region: 'us-east-1', account: '123456789012' };

async function pem(cn: string): Promise<string> {
  const keys = (await webcrypto.subtle.generateKey(ALG, false, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '02', name: `CN=${cn}`, keys, signingAlgorithm: ALG });
  return cert.toString('pem');
}

/** The error a call throws (code and status), or undefined when it succeeds. */
function thrown(fn: () => unknown): { code: string; status: number } | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return { code: e.code, status: e.status };
    throw e;
  }
  return undefined;
}

test('every error constructor has a status the spec documents for its code', () => {
  for (const [name, make] of Object.entries(errors)) {
    const e = name === 'alreadyExists' ? errors.alreadyExists('m', 'id', 'arn') : (make as () => ApiError)();
    const documented = [...spec.operations.values()].flatMap((op) => statusesForCode(spec, op, e.code));
    expect(documented, `${name} -> ${e.code}`).toContain(e.status);
  }
  expect(errors.throttling().status, 'the model and every operation but one say 400').toBe(400);
  expect(errors.alreadyExists('m', 'i', 'a').extra).toEqual({ resourceId: 'i', resourceArn: 'a' });
});

test('pages follow creation order both ways, markers match the spec, deletes between pages skip nothing', async () => {
  const s = engine.createState();
  const ids: string[] = [];
  // Creation dates repeat (n % 3): equal dates keep registration order.
  for (let n = 0; n < 7; n++) ids.push(engine.registerWithoutCa(s, await pem(`page-${n}`), 'INACTIVE', where, 1000 + (n % 3)).certificateId);
  const byDate = [0, 3, 6, 1, 4, 2, 5].map((n) => ids[n]!);
  const marker = validatorFor(spec);
  for (const descending of [false, true]) {
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = engine.listCertificates(s, { size: 3, marker: next, descending });
      expect(page.certificates.length).toBeLessThanOrEqual(3);
      seen.push(...page.certificates.map((c) => c.certificateId));
      next = page.nextMarker;
      if (next) expect(marker.validate('#/components/schemas/Marker', next).ok).toBe(true);
    } while (next);
    expect(seen).toEqual(descending ? [...byDate].reverse() : byDate);
  }
  const first = engine.listCertificates(s, { size: 3 });
  engine.deleteCertificate(s, first.certificates[2]!.certificateId, false); // the marker's own item
  const rest = engine.listCertificates(s, { size: 10, marker: first.nextMarker });
  expect(rest.certificates.map((c) => c.certificateId)).toEqual(byDate.slice(3));
  const otherWay = () => engine.listCertificates(s, { size: 3, marker: first.nextMarker, descending: true });
  expect(thrown(otherWay)).toEqual({ code: 'InvalidRequestException', status: 400 });
  expect(thrown(() => engine.listCertificates(s, { size: 3, marker: 'bm90IG91cnM=' }))?.code).toBe('InvalidRequestException');
});

test('a refused operation changes nothing; a forced delete removes the certificate and its policy links only', async () => {
  const s = engine.createState();
  const { certificateId: id, certificateArn: arn } = engine.registerWithoutCa(s, await pem('atomic'), 'ACTIVE', where, 1);
  engine.createPolicy(s, 'p', '{}', [], where, 1);
  engine.attachPolicy(s, 'p', arn);
  engine.createThing(s, 't', {}, where);
  engine.attachThingPrincipal(s, 't', arn);
  const refusals: [() => unknown, string][] = [
    [() => engine.deleteCertificate(s, id, true), 'CertificateStateException'],
    [() => engine.deletePolicy(s, 'p'), 'DeleteConflictException'],
    [() => engine.deleteThing(s, 't', undefined), 'InvalidRequestException'],
    [() => engine.deleteThing(s, 't', 7), 'VersionConflictException'],
    [() => engine.updateCertificate(s, id, 'PENDING_TRANSFER', 2), 'InvalidRequestException'],
    [() => engine.updateCertificate(s, id, 'PENDING_ACTIVATION', 2), 'InvalidRequestException'],
    [() => engine.createThing(s, 't', { attributePayload: { attributes: { a: 'b' } } }, where), 'ResourceAlreadyExistsException'],
    [() => engine.createPolicy(s, 'p', '[]', [], where, 1), 'ResourceAlreadyExistsException'],
    [() => engine.createPolicy(s, 'q', 'not json', [], where, 1), 'MalformedPolicyException'],
    [() => engine.attachPolicy(s, 'p', arn.replace('us-east-1', 'eu-west-1')), 'ResourceNotFoundException'],
  ];
  for (const [fn, code] of refusals) {
    const before = JSON.stringify(engine.snapshot(s));
    expect(thrown(fn)?.code).toBe(code);
    expect(JSON.stringify(engine.snapshot(s)), code).toBe(before);
  }
  engine.updateCertificate(s, id, 'INACTIVE', 3);
  expect(thrown(() => engine.deleteCertificate(s, id, true))?.code, 'a thing blocks even a forced delete').toBe('DeleteConflictException');
  engine.detachThingPrincipal(s, 't', arn);
  expect(thrown(() => engine.deleteCertificate(s, id, false))?.code).toBe('DeleteConflictException');
  engine.deleteCertificate(s, id, true);
  expect(engine.snapshot(s)).toMatchObject({ certificates: [], policyTargets: [], thingPrincipals: [] });
  expect(engine.snapshot(s).policies.map((p) => p.policyName)).toEqual(['p']);
});

test('status updates: idempotent, versioned, REGISTER_INACTIVE accepted; reset empties the state', async () => {
  const s = engine.createState();
  const { certificateId: id } = engine.registerWithoutCa(s, await pem('status'), undefined, where, 10);
  expect(engine.describeCertificate(s, id)).toMatchObject({ status: 'INACTIVE', customerVersion: 1, lastModifiedDate: 10 });
  engine.updateCertificate(s, id, 'INACTIVE', 11);
  expect(engine.describeCertificate(s, id)).toMatchObject({ customerVersion: 1, lastModifiedDate: 10 });
  engine.updateCertificate(s, id, 'REVOKED', 12);
  engine.updateCertificate(s, id, 'REGISTER_INACTIVE', 13);
  expect(engine.describeCertificate(s, id.toUpperCase())).toMatchObject({ status: 'REGISTER_INACTIVE', customerVersion: 3, lastModifiedDate: 13 });
  const description = { certificateDescription: engine.describeCertificate(s, id) };
  expect(validatorFor(spec).validate('#/components/schemas/DescribeCertificateResponse', description)).toEqual({ ok: true, errors: [] });
  expect(thrown(() => engine.updateCertificate(s, 'b'.repeat(64), 'ACTIVE', 1))?.code).toBe('ResourceNotFoundException');
  expect(JSON.parse(JSON.stringify(engine.snapshot(s)))).toEqual(engine.snapshot(s));
  engine.reset(s);
  expect(engine.snapshot(s)).toMatchObject({ certificates: [], things: [], policies: [], thingPrincipals: [], policyTargets: [] });
});
