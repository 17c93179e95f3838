import { runModel } from '../support/model/run.ts';
import { rules } from '../support/rules.ts';
import { test } from './helpers/fixtures.ts';
import { Sandbox } from './helpers/sandbox.ts';
import { commands } from './model/commands.ts';
import { deletionInvariants } from './model/invariants.ts';
import { newCert, type Model } from './model/model.ts';
import type { Real } from './model/real.ts';
import { teardownSequence } from './model/teardown.ts';

const TITLE = 'aws-iot model: random register/update/attach/detach/delete sequences keep the documented outcomes and deletion invariants';
const RULES = [
  'AWSIOT-DEL-001', 'AWSIOT-DEL-002', 'AWSIOT-DEL-003', 'AWSIOT-DEL-004', 'AWSIOT-DEL-005', 'AWSIOT-DEL-006', 'AWSIOT-DEL-008',
  'AWSIOT-DEL-009', 'AWSIOT-DEL-010', 'AWSIOT-DEL-012', 'AWSIOT-REG-001', 'AWSIOT-REG-002', 'AWSIOT-REG-004', 'AWSIOT-REG-005',
  'AWSIOT-REG-007', 'AWSIOT-UPD-001', 'AWSIOT-UPD-002', 'AWSIOT-UPD-003', 'AWSIOT-UPD-004', 'AWSIOT-ATT-003', 'AWSIOT-ATT-005',
  'AWSIOT-ATT-006', 'AWSIOT-LST-002',
];

test(TITLE, rules(RULES), async ({ api, check, ledger, info, log, verdicts }) => {
  let n = 0;
  await runModel<Model, Real>({
    commands,
    maxCommands: 12,
    // Fresh resources per sequence, in the states the delete preconditions tell apart: ACTIVE
    // with a policy, INACTIVE with a policy, INACTIVE with a thing, INACTIVE with nothing.
    async setup() {
      const sandbox = new Sandbox(api, ledger, info.runId, `m${++n}`);
      const statuses = ['ACTIVE', 'INACTIVE', 'INACTIVE', 'INACTIVE'];
      const certs = await Promise.all(statuses.map((s) => sandbox.cert(s)));
      const model: Model = {
        certs: certs.map((c, i) => newCert(c.id, c.arn, c.pem, statuses[i]!)),
        policies: await Promise.all([sandbox.policy(), sandbox.policy()]),
        things: [await sandbox.thing()],
      };
      const [activePolicy, inactivePolicy, inactiveThing] = model.certs;
      await Promise.all([
        ...[activePolicy!, inactivePolicy!].map((c) => sandbox.attachPolicy(model.policies[0]!, c.arn).then(() => c.policies.add(model.policies[0]!))),
        sandbox.attachThing(model.things[0]!, inactiveThing!.arn).then(() => inactiveThing!.things.add(model.things[0]!)),
      ]);
      return { model, real: { api, check, sandbox, model } };
    },
    teardown: (real) => teardownSequence(real.model, real),
    invariants: deletionInvariants,
    info,
    log,
    verdicts,
    grep: TITLE,
    provider: 'aws-iot',
  });
});
