import type { ProviderModule } from '../../host/types.ts';
import { authenticator } from './auth.ts';
import { MOCK_AK, MOCK_DOMAIN_ID, MOCK_SK, NARROW_AK, NARROW_SK, NARROW_TOKEN, type HuaweiScmOptions } from './config.ts';
import { commonHeaders, errorReply, invalid, unknownRoute } from './dialect.ts';
import { huaweiScmFixtures } from './fixtures.ts';
import { handlers } from './handlers.ts';
import { createState, snapshot, type ScmState } from './state.ts';

/** Huawei Cloud SCM v3 for the mock host: dialect, auth (token or AK/SK) and engine. */
export function createHuaweiScm(options: HuaweiScmOptions = {}): ProviderModule<ScmState> {
  return {
    provider: 'huawei-scm',
    createState: () => createState(options.domainId ?? MOCK_DOMAIN_ID),
    authenticate: authenticator(options),
    invalid,
    unknownRoute,
    errorReply,
    commonHeaders,
    handlers,
    snapshot,
    fixtures: huaweiScmFixtures,
    credentials: {
      ak: MOCK_AK,
      sk: MOCK_SK,
      domainId: options.domainId ?? MOCK_DOMAIN_ID,
      xAuthToken: 'any token of 32 to 2097152 characters',
      // An IAM user without scm:cert:delete (rules HWSCM-AUTH-005/006), by AK/SK and by token.
      narrowAk: NARROW_AK,
      narrowSk: NARROW_SK,
      narrowXAuthToken: NARROW_TOKEN,
    },
  };
}

export const huaweiScm = createHuaweiScm();

export {
  MOCK_AK,
  MOCK_DOMAIN_ID,
  MOCK_SK,
  NARROW_AK,
  NARROW_SK,
  NARROW_TOKEN,
  type AkSkCredential,
  type HuaweiScmOptions,
  type TokenGrant,
} from './config.ts';
export { reset, snapshot, type ScmState } from './state.ts';
