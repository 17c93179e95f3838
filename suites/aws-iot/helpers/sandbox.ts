import { selfSigned } from '../../support/certs/generate.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { Ledger } from '../../support/ledger.ts';
import { preparationFailed } from '../../support/verdict/failure.ts';
import { cleanup } from '../cleanup.ts';
import { namer } from './ids.ts';

const PROVIDER = 'aws-iot';
/** A harmless document: the policies the suite creates deny everything. */
export const POLICY_DOCUMENT = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iot:*","Resource":"*"}]}';

export interface Cert {
  id: string;
  arn: string;
  pem: string;
}

/** A setup step answered something no test can build on: an error or a setup error, not a verdict. */
function setupFailed(what: string, status: number, code?: string): never {
  throw preparationFailed(what, { status, code });
}

/**
 * The resources one test (or one model sequence) creates: each goes into the ledger as it is
 * created and is deleted again by `teardown()`, whatever the test found.
 */
export class Sandbox {
  private readonly created: { kind: string; id: string; extra?: Record<string, string> }[] = [];
  readonly name: (kind: string) => string;

  constructor(
    readonly api: ApiClient,
    readonly ledger: Ledger,
    runId: string,
    scope: string,
  ) {
    this.name = namer(runId, scope);
  }

  track(kind: string, id: string, extra?: Record<string, string>): void {
    if (this.created.some((c) => c.kind === kind && c.id === id)) return;
    this.created.push({ kind, id, extra });
    this.ledger.created(PROVIDER, kind, id, extra);
  }

  /** Something the caller already deleted: recorded in the ledger, left out of teardown. */
  forget(kind: string, id: string): void {
    const i = this.created.findIndex((c) => c.kind === kind && c.id === id);
    if (i < 0) return;
    this.created.splice(i, 1);
    this.ledger.deleted(PROVIDER, kind, id);
  }

  /** Registers a fresh certificate (its own serial and subject, so its own SHA-256 id). */
  async cert(status: string | undefined = 'INACTIVE', pem?: string): Promise<Cert> {
    const certificatePem = pem ?? (await selfSigned({ ca: false, subject: [{ CN: [this.name('device')] }] })).pem;
    const ex = await this.api.call('RegisterCertificateWithoutCA', { body: { certificatePem, ...(status ? { status } : {}) } }, { label: `register (${status ?? 'no status'})` });
    if (ex.status !== 200) setupFailed('RegisterCertificateWithoutCA', ex.status, ex.code);
    const { certificateId: id, certificateArn: arn } = ex.body as { certificateId: string; certificateArn: string };
    this.track('certificate', id, { arn });
    return { id, arn, pem: certificatePem };
  }

  async policy(): Promise<string> {
    const name = this.name('policy');
    const ex = await this.api.call('CreatePolicy', { path: { policyName: name }, body: { policyDocument: POLICY_DOCUMENT } });
    if (ex.status !== 200) setupFailed('CreatePolicy', ex.status, ex.code);
    this.track('policy', name);
    return name;
  }

  async thing(): Promise<string> {
    const name = this.name('thing');
    const ex = await this.api.call('CreateThing', { path: { thingName: name }, body: {} });
    if (ex.status !== 200) setupFailed('CreateThing', ex.status, ex.code);
    this.track('thing', name);
    return name;
  }

  async attachPolicy(policyName: string, arn: string): Promise<void> {
    const ex = await this.api.call('AttachPolicy', { path: { policyName }, body: { target: arn } });
    if (ex.status !== 200) setupFailed('AttachPolicy', ex.status, ex.code);
  }

  async attachThing(thingName: string, arn: string): Promise<void> {
    const ex = await this.api.call('AttachThingPrincipal', { path: { thingName }, headers: { 'x-amzn-principal': arn } });
    if (ex.status !== 200) setupFailed('AttachThingPrincipal', ex.status, ex.code);
  }

  /** Certificates first (they hold the attachments), then things and policies. */
  async teardown(): Promise<string[]> {
    const order = ['certificate', 'thing', 'policy'];
    const left: string[] = [];
    for (const kind of order) {
      for (const c of this.created.filter((x) => x.kind === kind)) {
        const entry = { event: 'created' as const, provider: PROVIDER, kind, id: c.id, extra: c.extra, run: '', at: '' };
        const result = await cleanup(this.api, entry).catch((e: Error) => e.message);
        if (result === 'deleted' || result === 'gone') this.ledger.deleted(PROVIDER, kind, c.id);
        else left.push(`${kind} ${c.id}: ${result}`);
      }
    }
    this.created.length = 0;
    return left;
  }
}
