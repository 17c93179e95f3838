import { selfSigned } from '../../support/certs/generate.ts';
import type { CallInput } from '../../support/http/wire.ts';
import { POLICY_DOCUMENT, type Sandbox } from '../helpers/sandbox.ts';
import { unknownCertificateId } from '../helpers/ids.ts';

/** A well-formed principal that names no certificate of any account. */
const FOREIGN_ARN = `arn:aws:iot:us-east-1:000000000000:cert/${'0'.repeat(64)}`;

/**
 * A valid request per operation that changes nothing on a conforming target (unknown ids and
 * names), so breaking one constraint of it must be the only reason for the refusal. The three
 * creating operations use fresh names; what a target wrongly accepts is tracked for teardown.
 */
export async function baseline(op: string, sandbox: Sandbox): Promise<CallInput> {
  const certificateId = unknownCertificateId();
  const thingName = sandbox.name('neg-thing');
  const policyName = sandbox.name('neg-policy');
  switch (op) {
    case 'DescribeCertificate':
    case 'DeleteCertificate':
      return { path: { certificateId } };
    case 'UpdateCertificate':
      return { path: { certificateId }, query: { newStatus: 'INACTIVE' } };
    case 'RegisterCertificateWithoutCA':
      return { body: { certificatePem: (await selfSigned({ ca: false })).pem, status: 'INACTIVE' } };
    case 'ListCertificates':
      return { query: { pageSize: 10 } };
    case 'DescribeThing':
    case 'CreateThing':
      return { path: { thingName }, ...(op === 'CreateThing' ? { body: {} } : {}) };
    case 'DeleteThing':
    case 'ListThingPrincipals':
      return { path: { thingName } };
    case 'AttachThingPrincipal':
    case 'DetachThingPrincipal':
      return { path: { thingName }, headers: { 'x-amzn-principal': FOREIGN_ARN } };
    case 'ListPrincipalThings':
      return { headers: { 'x-amzn-principal': FOREIGN_ARN } };
    case 'GetPolicy':
    case 'DeletePolicy':
      return { path: { policyName } };
    case 'CreatePolicy':
      return { path: { policyName }, body: { policyDocument: POLICY_DOCUMENT } };
    case 'AttachPolicy':
    case 'DetachPolicy':
      return { path: { policyName }, body: { target: FOREIGN_ARN } };
    case 'DetachPrincipalPolicy':
      return { path: { policyName }, headers: { 'x-amzn-iot-principal': FOREIGN_ARN } };
    case 'ListAttachedPolicies':
      return { path: { target: FOREIGN_ARN } };
    default:
      throw new Error(`no negative baseline for ${op}`);
  }
}
