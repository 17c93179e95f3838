import type { Checker } from '../../support/checks/checker.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { Exchange } from '../../support/http/exchange.ts';
import type { Vault } from '../support/vault.ts';

/** The system under test as the commands see it: the client, the checks, what was created. */
export interface KvReal {
  api: ApiClient;
  check: Checker;
  vault: Vault;
}

/** `404 CertificateNotFound` / `204` for a command's toString. */
export const answer = (ex: Exchange | undefined) => (ex ? `${ex.status}${ex.code ? ` ${ex.code}` : ''}` : '(not sent)');
