import type { Model } from './model.ts';
import type { Real } from './real.ts';

const quiet = { contract: false, label: 'teardown' } as const;

/**
 * Deletes what a sequence created using what the model knows (fewer calls than the generic
 * cleanup: detach the known things, deactivate, force-delete), then hands anything that did not
 * go as expected, and the policies and things, to the sandbox's generic cleanup.
 */
export async function teardownSequence(m: Model, r: Real): Promise<void> {
  await Promise.all(
    m.certs.map(async (c) => {
      if (c.deleted) return r.sandbox.forget('certificate', c.id);
      const detached = await Promise.all([...c.things].map((t) => r.api.call('DetachThingPrincipal', { path: { thingName: t }, headers: { 'x-amzn-principal': c.arn } }, quiet)));
      if (detached.some((e) => e.status !== 200)) return;
      if (c.status === 'ACTIVE') await r.api.call('UpdateCertificate', { path: { certificateId: c.id }, query: { newStatus: 'INACTIVE' } }, quiet);
      const del = await r.api.call('DeleteCertificate', { path: { certificateId: c.id }, query: { forceDelete: true } }, quiet);
      if (del.status === 200) r.sandbox.forget('certificate', c.id);
    }),
  );
  await r.sandbox.teardown();
}
