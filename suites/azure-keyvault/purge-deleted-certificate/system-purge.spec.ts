import { rules } from '../../support/rules.ts';
import { advanceClock } from '../../support/target/clock.ts';
import { CLOCK_TAG, isClockPhase } from '../../support/target/clock-phase.ts';
import { asObj, nameOfItem } from '../support/bundle.ts';
import { awaitLeftDeleted, getCert, itemsOf, listAll } from '../support/ops.ts';
import { pollUntil } from '../support/poll.ts';
import { softDeleted } from '../support/soft-deleted.ts';
import { test } from '../support/test.ts';

// Past scheduledPurgeDate by this much, so a system purge that runs on a coarse schedule has run.
const MARGIN_MS = 60 * 60_000;
const listed = async (api: Parameters<typeof listAll>[0], name: string) =>
  (await listAll(api, 'GetDeletedCertificates', 25)).flatMap(itemsOf).some((i) => nameOfItem(i.recoveryId ?? i.id) === name);

/**
 * Retention is 7 to 90 days (reference §2.3) and no documented operation moves a vault's clock,
 * so this runs only on a target with a movable clock, in its isolated clock phase (the jump
 * would expire what parallel tests hold). The clock moves by the target's own interval
 * (scheduledPurgeDate - deletedDate, both the target's time) plus a margin.
 */
test('the system purges at scheduledPurgeDate', rules(['AZKV-PUR-007', 'AZKV-LST-002', 'AZKV-GET-001'], CLOCK_TAG), async ({ api, check, vault, target }, testInfo) => {
  if (!target.clock) return check.notRun('AZKV-PUR-007', 'scheduledPurgeDate is 7-90 days after the delete and no documented operation advances the vault clock; the target has no movable clock (README "Running against other implementations")');
  if (!isClockPhase(testInfo.project)) return check.notRun('AZKV-PUR-007', `the clock moves only in the isolated phase ${testInfo.project.name}:clock, after every other test of the target`);
  const s = await softDeleted(vault, check, 'syspurge', ['AZKV-PUR-007']);
  if (!s) return;
  const { deletedDate, scheduledPurgeDate } = asObj(s.deleted.body);
  if (!Number.isInteger(deletedDate) || !Number.isInteger(scheduledPurgeDate)) {
    throw new Error(`precondition: the deleted bundle needs integer deletedDate and scheduledPurgeDate to move past, got ${JSON.stringify({ deletedDate, scheduledPurgeDate })}`);
  }
  await advanceClock(target, Math.max(0, (scheduledPurgeDate as number) - (deletedDate as number)) * 1000 + MARGIN_MS);

  check.outcome('AZKV-PUR-007', await awaitLeftDeleted(api, s.name));
  vault.pending.delete(s.name); // gone: cleanup must not wait for it to appear
  const stillListed = await pollUntil(() => listed(api, s.name), (yes) => !yes);
  check.that('AZKV-LST-002', !stillListed, `${s.name} still in GetDeletedCertificates after the system purge`, 'gone from the deleted listing once purged');
  check.outcome('AZKV-GET-001', await getCert(api, s.name, { label: 'GetCertificate after the system purge' }));
});
