import type { Checker } from '../../support/checks/checker.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { Sandbox } from '../helpers/sandbox.ts';
import type { Model } from './model.ts';

/** The system under test as commands see it: the client, the checks, what the sequence created. */
export interface Real {
  api: ApiClient;
  check: Checker;
  sandbox: Sandbox;
  /** The sequence's model, for a teardown that knows what to detach. */
  model: Model;
}

export type Cmd = import('fast-check').AsyncCommand<Model, Real>;
