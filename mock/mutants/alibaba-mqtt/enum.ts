import { at } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { onSuccess } from './reply-edits.ts';

/**
 * Enums: of a response member (CA Status "0" | "1") and of a request parameter. The only
 * request enums of this API are the common RPC parameters (Version, Format, SignatureMethod,
 * SignatureVersion); Version is the one a server must check to pick the API.
 */
export const enumeration: Mutant[] = [
  {
    name: 'alibaba-mqtt/ca-status-spelled-active',
    description: 'GetCaCertificate answers Status "active" / "inactive" instead of "1" / "0"',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-REG-003'],
    class: 'enum',
    module: (m) =>
      onSuccess(m, 'GetCaCertificate', (body) => void (body.Data.Status = body.Data.Status === '1' ? 'active' : 'inactive')),
  },
  {
    name: 'alibaba-mqtt/version-outside-enum-accepted',
    description: 'any Version is served as 2020-04-20 (the enum of the Version parameter is not checked)',
    rules: ['ALIMQTT-SPEC-002'],
    class: 'enum',
    spec: (doc) => void delete at(doc, '/components/parameters/Version/schema').enum,
  },
];
