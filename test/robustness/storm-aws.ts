import { selfSigned } from '../../suites/support/certs/generate.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';
import { outcomeOf, shuffle, times, type StormOp } from './storm-record.ts';
import type { Storm } from './storm-serial.ts';

/** The model: one certificate (exists, status) and the things it is attached to. */
interface Cert {
  exists: boolean;
  status: 'ACTIVE' | 'INACTIVE';
  things: string[];
}

const THINGS = ['storm-t0', 'storm-t1', 'storm-t2'];
const NOT_FOUND = '404 ResourceNotFoundException';
const gone = (s: Cert) => [{ outcome: NOT_FOUND, next: s }];

/**
 * AWS IoT as its documentation states it (rules AWSIOT-DEL-001/002/010, REG-001, ATT-003/006,
 * UPD-003/004): delete refuses an ACTIVE certificate (406) before an attached one (409);
 * registering a registered certificate is 409; attach and detach are idempotent; every
 * operation on a missing certificate is 404.
 */
function step(s: Cert, op: string): { outcome: string; next: Cert }[] {
  const [name, arg = ''] = op.split(':');
  if (name === 'register') return s.exists ? [{ outcome: '409 ResourceAlreadyExistsException', next: s }] : [{ outcome: '200', next: { exists: true, status: 'INACTIVE', things: [] } }];
  if (!s.exists) return gone(s);
  if (name === 'delete') {
    if (s.status === 'ACTIVE') return [{ outcome: '406 CertificateStateException', next: s }];
    if (s.things.length) return [{ outcome: '409 DeleteConflictException', next: s }];
    return [{ outcome: '200', next: { exists: false, status: 'INACTIVE', things: [] } }];
  }
  if (name === 'attach') return [{ outcome: '200', next: { ...s, things: [...new Set([...s.things, arg])].sort() } }];
  if (name === 'detach') return [{ outcome: '200', next: { ...s, things: s.things.filter((t) => t !== arg) } }];
  if (name === 'update') return [{ outcome: '200', next: { ...s, status: arg as Cert['status'] } }];
  throw new Error(`unknown op ${op}`);
}

/** How many of each operation a storm sends (attach/detach spread over the three things, update over both statuses). */
export type AwsMix = Record<'delete' | 'register' | 'attach' | 'detach' | 'update', number>;
export const AWS_MIXED: AwsMix = { delete: 15, register: 10, attach: 15, detach: 6, update: 4 };

/** One certificate (INACTIVE, unattached, deletable) and the operations of `mix`, all at once. */
export async function awsSharedStorm(api: ApiClient, mix: AwsMix = AWS_MIXED): Promise<Storm<Cert>> {
  const { pem } = await selfSigned({ subject: [{ CN: ['storm.aws.test'] }] });
  const reg = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem: pem, status: 'INACTIVE' } });
  const { certificateId: id, certificateArn: arn } = reg.body as { certificateId: string; certificateArn: string };
  for (const t of THINGS) await api.call('CreateThing', { path: { thingName: t }, body: {} });
  const call = async (op: string, input: Parameters<ApiClient['call']>[1]) => outcomeOf(await api.call(op, input, { retry: false }));
  const principal = { 'x-amzn-principal': arn };
  const spread = <T>(xs: readonly T[], count: number) => Array.from({ length: count }, (_, i) => xs[i % xs.length]!);
  const ops: StormOp[] = shuffle([
    ...times(mix.delete, 'delete', () => call('DeleteCertificate', { path: { certificateId: id } })),
    ...times(mix.register, 'register', () => call('RegisterCertificateWithoutCA', { body: { certificatePem: pem, status: 'INACTIVE' } })),
    ...spread(THINGS, mix.attach).map((t) => ({ op: `attach:${t}`, send: () => call('AttachThingPrincipal', { path: { thingName: t }, headers: principal }) })),
    ...spread(THINGS, mix.detach).map((t) => ({ op: `detach:${t}`, send: () => call('DetachThingPrincipal', { path: { thingName: t }, headers: principal }) })),
    ...spread(['ACTIVE', 'INACTIVE'] as const, mix.update).map((st) => ({ op: `update:${st}`, send: () => call('UpdateCertificate', { path: { certificateId: id }, query: { newStatus: st } }) })),
  ]);
  const observe = async (): Promise<Cert> => {
    const d = await api.call('DescribeCertificate', { path: { certificateId: id } });
    const things: string[] = [];
    for (const t of THINGS) {
      const l = await api.call('ListThingPrincipals', { path: { thingName: t } });
      if (((l.body as { principals?: string[] }).principals ?? []).includes(arn)) things.push(t);
    }
    const status = (d.body as { certificateDescription?: { status?: Cert['status'] } }).certificateDescription?.status ?? 'INACTIVE';
    return { exists: d.status === 200, status: d.status === 200 ? status : 'INACTIVE', things };
  };
  return { initial: { exists: true, status: 'INACTIVE', things: [] }, ops, step, key: (s) => JSON.stringify(s), observe };
}
