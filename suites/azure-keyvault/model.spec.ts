import { rules } from '../support/rules.ts';
import { runModel } from '../support/model/run.ts';
import { commands, NAMES_PER_SEQUENCE } from './model/commands.ts';
import { deletionInvariants } from './model/invariants.ts';
import { newModel, type KvModel } from './model/model.ts';
import type { KvReal } from './model/real.ts';
import { Vault } from './support/vault.ts';
import { test } from './support/test.ts';

const TITLE = 'model: random import/get/delete/recover/purge/list sequences keep the soft-delete invariants';

test(
  TITLE,
  rules([
    'AZKV-IMP-001', 'AZKV-IMP-020', 'AZKV-FMT-004', 'AZKV-DEL-001', 'AZKV-DEL-003', 'AZKV-DEL-020', 'AZKV-DEL-010', 'AZKV-DEL-011', 'AZKV-GET-001', 'AZKV-GET-002',
    'AZKV-GET-003', 'AZKV-GET-004', 'AZKV-REC-001', 'AZKV-REC-002', 'AZKV-REC-003', 'AZKV-PUR-001', 'AZKV-PUR-002',
    'AZKV-PUR-003', 'AZKV-PUR-005', 'AZKV-LST-001', 'AZKV-LST-002', 'AZKV-LST-005',
  ]),
  async ({ api, check, log, verdicts, info, ledger, provider }) => {
    test.setTimeout(120_000);
    let seq = 0;
    await runModel<KvModel, KvReal>({
      commands,
      maxCommands: 10,
      info,
      log,
      verdicts,
      provider,
      grep: TITLE,
      setup: async () => {
        const vault = new Vault(api, ledger, info);
        const s = (seq++).toString(36);
        const names = Array.from({ length: NAMES_PER_SEQUENCE }, (_, i) => vault.newName(`m${s}${i}`));
        return { model: newModel(names), real: { api, check, vault } };
      },
      teardown: async (real) => {
        const problems = await real.vault.cleanupAll();
        if (problems.length) process.stderr.write(`azure-keyvault model cleanup left: ${problems.join('; ')}\n`);
      },
      invariants: deletionInvariants,
    });
  },
);
