import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { GeneratedCert } from '../../suites/support/certs/generate.ts';
import { azureImportBody, huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';
import type { Exchange } from '../../suites/support/http/exchange.ts';

// What one client of the kill -9 test owns and does. Each resource is described by an
// observation string (what describe/get/list show); `acked` is what the last answered
// mutation made it, `maybe` what the one request left unanswered by the kill may have made
// it. After a restart the observation must be one of the two.

export type Apis = { aws: ApiClient; azure: ApiClient; huawei: ApiClient };

export interface Op {
  label: string;
  /** Could the unanswered request have produced this observation? */
  maybe(obs: string): boolean;
  /** Sends it; resolves with the observation the answer promises, throws on any other answer. */
  send(apis: Apis): Promise<string>;
}

export interface Resource {
  name: string;
  acked: string;
  maybe?: (obs: string) => boolean;
  next(pick: <T>(xs: T[]) => T): Op;
  observe(apis: Apis): Promise<string>;
}

function expectStatus(ex: Exchange, status: number): Exchange {
  if (ex.status !== status) throw new Error(`${ex.label}: expected ${status}, got ${ex.status} ${ex.code ?? ''} ${ex.text.slice(0, 200)}`);
  return ex;
}
const exactly = (want: string) => (obs: string) => obs === want;

/** An AWS certificate slot of a fixed PEM: `absent`, or `STATUS/vN` (+`+thing` when attached). */
export function awsCertificate(name: string, cert: GeneratedCert, thingName: string): Resource {
  const certificateId = createHash('sha256').update(cert.der).digest('hex');
  const path = { certificateId };
  const r: Resource = {
    name,
    acked: 'absent',
    next(pick) {
      const m = /^(\w+)\/v(\d+)(\+thing)?$/.exec(r.acked);
      const op = (label: string, want: string, send: (a: ApiClient) => Promise<Exchange>): Op => ({
        label,
        maybe: exactly(want),
        send: async (apis) => (expectStatus(await send(apis.aws), 200), want),
      });
      if (!m) {
        const status = pick(['ACTIVE', 'INACTIVE']);
        return op(`register ${status}`, `${status}/v1`, (a) => a.call('RegisterCertificateWithoutCA', { body: { certificatePem: cert.pem, status } }));
      }
      const [, status, v, thing = ''] = m;
      const arn = `arn:aws:iot:us-east-1:123456789012:cert/${certificateId}`;
      const other = status === 'ACTIVE' ? 'INACTIVE' : 'ACTIVE';
      const ops = [op(`update ${other}`, `${other}/v${Number(v) + 1}${thing}`, (a) => a.call('UpdateCertificate', { path, query: { newStatus: other } }))];
      const principal = { path: { thingName }, headers: { 'x-amzn-principal': arn } };
      if (thing) ops.push(op('detach', `${status}/v${v}`, (a) => a.call('DetachThingPrincipal', principal)));
      else ops.push(op('attach', `${status}/v${v}+thing`, (a) => a.call('AttachThingPrincipal', principal)));
      if (status === 'INACTIVE' && !thing) ops.push(op('delete', 'absent', (a) => a.call('DeleteCertificate', { path })));
      return pick(ops);
    },
    async observe({ aws }) {
      const ex = await aws.call('DescribeCertificate', { path });
      if (ex.status === 404) return 'absent';
      const d = (expectStatus(ex, 200).body as { certificateDescription: { status: string; customerVersion: number; certificateArn: string } }).certificateDescription;
      const principals = (expectStatus(await aws.call('ListThingPrincipals', { path: { thingName } }), 200).body as { principals: string[] }).principals;
      return `${d.status}/v${d.customerVersion}${principals.includes(d.certificateArn) ? '+thing' : ''}`;
    },
  };
  return r;
}

const versionOf = (body: unknown) => String((body as { id: string }).id).split('/').pop()!;
const liveObs = (body: unknown) => `live:${versionOf(body)}@${(body as { attributes: { created: number } }).attributes.created}`;
const deletedObs = (body: unknown) => `deleted:${versionOf(body)}@${(body as { deletedDate: number }).deletedDate}`;

/** An Azure certificate name: `absent`, `live:<latest version>@<created>` or `deleted:<version>@<deletedDate>`. */
export function azureCertificate(name: string, cert: GeneratedCert): Resource {
  const path = { 'certificate-name': name };
  let lastLive = '';
  const r: Resource = {
    name,
    acked: 'absent',
    next(pick) {
      const imp: Op = {
        label: 'import',
        maybe: (obs) => obs.startsWith('live:'),
        send: async ({ azure }) => (lastLive = liveObs(expectStatus(await azure.call('ImportCertificate', { path, body: azureImportBody(cert) }), 200).body)),
      };
      if (r.acked === 'absent') return imp;
      if (r.acked.startsWith('live:')) {
        lastLive = r.acked;
        const version = r.acked.slice(5, r.acked.indexOf('@'));
        return pick([imp, { label: 'delete', maybe: (obs) => obs.startsWith(`deleted:${version}@`), send: async ({ azure }) => deletedObs(expectStatus(await azure.call('DeleteCertificate', { path }), 200).body) }]);
      }
      const back = lastLive;
      return pick<Op>([
        { label: 'recover', maybe: exactly(back), send: async ({ azure }) => (expectStatus(await azure.call('RecoverDeletedCertificate', { path }), 200), back) },
        { label: 'purge', maybe: exactly('absent'), send: async ({ azure }) => (expectStatus(await azure.call('PurgeDeletedCertificate', { path }), 204), 'absent') },
      ]);
    },
    async observe({ azure }) {
      const live = await azure.call('GetCertificate', { path });
      if (live.status === 200) return (lastLive = liveObs(live.body));
      const deleted = await azure.call('GetDeletedCertificate', { path });
      return deleted.status === 200 ? deletedObs(deleted.body) : 'absent';
    },
  };
  return r;
}

/** A Huawei certificate by its (unique) name: `absent` or `present:<id>`. */
export function huaweiCertificate(name: string, cert: GeneratedCert): Resource {
  const r: Resource = {
    name,
    acked: 'absent',
    next() {
      if (r.acked === 'absent') {
        return {
          label: 'import',
          maybe: (obs) => /^present:[^,]+$/.test(obs),
          send: async ({ huawei }) => `present:${(expectStatus(await huawei.call('ImportCertificate', { body: huaweiImportBody(name, cert) }), 200).body as { certificate_id: string }).certificate_id}`,
        };
      }
      const id = r.acked.slice('present:'.length);
      return { label: 'delete', maybe: exactly('absent'), send: async ({ huawei }) => (expectStatus(await huawei.call('DeleteCertificate', { path: { certificate_id: id } }), 204), 'absent') };
    },
    async observe({ huawei }) {
      const list = expectStatus(await huawei.call('ListCertificates', { query: { content: name, limit: 50 } }), 200);
      const ids = (list.body as { certificates: { id: string; name: string }[] }).certificates.filter((c) => c.name === name).map((c) => c.id);
      return ids.length ? `present:${ids.sort().join(',')}` : 'absent';
    },
  };
  return r;
}
