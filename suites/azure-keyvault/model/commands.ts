import fc from 'fast-check';
import type { KvModel } from './model.ts';
import type { KvReal } from './real.ts';
import { DeleteCommand } from './delete.ts';
import { GetDeletedCommand } from './get-deleted.ts';
import { GetCommand } from './get.ts';
import { ImportCommand } from './import.ts';
import { ListDeletedCommand } from './list-deleted.ts';
import { ListCommand } from './list.ts';
import { PurgeCommand } from './purge.ts';
import { RecoverCommand } from './recover.ts';

/** Names per sequence: few enough that commands meet on the same name often. */
export const NAMES_PER_SEQUENCE = 3;

const name = fc.nat({ max: NAMES_PER_SEQUENCE - 1 });
const page = fc.integer({ min: 2, max: 25 });

export const commands: fc.Arbitrary<fc.AsyncCommand<KvModel, KvReal>>[] = [
  name.map((i) => new ImportCommand(i)),
  name.map((i) => new ImportCommand(i)),
  name.map((i) => new DeleteCommand(i)),
  name.map((i) => new DeleteCommand(i)),
  name.map((i) => new GetCommand(i)),
  name.map((i) => new GetDeletedCommand(i)),
  name.map((i) => new RecoverCommand(i)),
  name.map((i) => new PurgeCommand(i)),
  page.map((n) => new ListCommand(n)),
  page.map((n) => new ListDeletedCommand(n)),
];
