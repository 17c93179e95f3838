import { test } from '../support/fixtures.ts';
import { runModel } from '../support/model/run.ts';
import { rules } from '../support/rules.ts';
import { commands } from './model/commands.ts';
import { invariants } from './model/invariants.ts';
import { setup, teardown } from './model/setup.ts';
import { NO_BROKER } from './support/instance.ts';

const TITLE = 'model: random CA and device certificate sequences keep the deletion invariants';
const RULES = [
  'ALIMQTT-DEL-001', 'ALIMQTT-DEL-002', 'ALIMQTT-DEL-003', 'ALIMQTT-DEL-005', 'ALIMQTT-DEL-012',
  'ALIMQTT-DEV-001', 'ALIMQTT-DEV-002', 'ALIMQTT-DEV-003', 'ALIMQTT-DEV-004', 'ALIMQTT-DEV-006',
  'ALIMQTT-REG-001', 'ALIMQTT-GET-001', 'ALIMQTT-LST-004', 'ALIMQTT-FMT-005',
  'ALIMQTT-STA-001', 'ALIMQTT-STA-002', 'ALIMQTT-STA-003', 'ALIMQTT-STA-004', 'ALIMQTT-STA-005',
];

test(TITLE, rules(RULES), async ({ api, check, ledger, info, log, verdicts, provider, target }) => {
  if (!target.mqtt) for (const r of ['ALIMQTT-DEV-003', 'ALIMQTT-STA-004', 'ALIMQTT-STA-005']) check.notRun(r, `${NO_BROKER}: sequences run without device certificates`);
  await runModel({
    commands,
    maxCommands: 10,
    setup: () => setup(api, check, ledger, info.runId),
    teardown,
    invariants,
    info,
    log,
    verdicts,
    grep: TITLE,
    provider,
  });
});
