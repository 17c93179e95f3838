import { runModel } from '../support/model/run.ts';
import { rules } from '../support/rules.ts';
import { commands } from './model/commands.ts';
import { invariants } from './model/invariants.ts';
import { applyImport, emptyModel, type ScmModel } from './model/model.ts';
import type { ScmReal } from './model/real.ts';
import { freshBody } from './support/bodies.ts';
import { fingerprintOf } from './support/certs.ts';
import { Scm } from './support/scm.ts';
import { test } from './support/test.ts';

const TITLE = 'scm model: random import, re-import, show, list and delete sequences keep the deletion invariants';
const RULES = ['HWSCM-IMP-001', 'HWSCM-IMP-002', 'HWSCM-IMP-003', 'HWSCM-IMP-006', 'HWSCM-IMP-009', 'HWSCM-SHOW-001', 'HWSCM-DEL-001', 'HWSCM-DEL-002', 'HWSCM-DEL-003', 'HWSCM-DEL-004', 'HWSCM-DEL-006', 'HWSCM-DEL-007', 'HWSCM-LST-002', 'HWSCM-LST-003'];

test(TITLE, rules(RULES), async ({ api, check, ledger, info, log, verdicts, provider }) => {
  await runModel<ScmModel, ScmReal>({
    commands,
    maxCommands: 12,
    // Each sequence starts from one certificate of its own; it never looks at anyone else's.
    async setup() {
      const model = emptyModel();
      const real: ScmReal = { api, check, scm: new Scm(api, ledger), runId: info.runId };
      const body = await freshBody(info.runId, 'model-seed');
      const { ex, id } = await real.scm.import(body);
      check.outcome('HWSCM-IMP-001', ex);
      applyImport(model, { id: id!, name: body.name, fingerprint: fingerprintOf(body.certificate), certificate: body.certificate, privateKey: body.private_key });
      return { model, real };
    },
    teardown: (real) => real.scm.cleanup(),
    invariants,
    info,
    log,
    verdicts,
    grep: TITLE,
    provider,
  });
});
