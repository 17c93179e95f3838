import type { IotState } from '../../providers/aws-iot/state.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

/** ListCertificates: page size, what a row says, and the order, each broken once. */
export const listing: Mutant[] = [
  {
    name: 'aws-iot/page-size-plus-one',
    description: 'ListCertificates pages hold one certificate more than pageSize (26 without pageSize)',
    rules: ['AWSIOT-LST-001'],
    module: (m) =>
      wrapHandler<IotState>(m, 'ListCertificates', (next) => (input, state, ctx) =>
        next({ ...input, query: { ...input.query, pageSize: ((input.query.pageSize as number | undefined) ?? 25) + 1 } }, state, ctx),
      ),
  },
  {
    name: 'aws-iot/listed-status-inactive',
    description: 'ListCertificates reports every certificate INACTIVE, whatever DescribeCertificate says',
    rules: ['AWSIOT-LST-002'],
    module: (m) =>
      mapReplies(m, 'ListCertificates', (r) => {
        const body = r.body as { certificates?: Record<string, unknown>[] } | undefined;
        return body?.certificates ? { ...r, body: { ...body, certificates: body.certificates.map((c) => ({ ...c, status: 'INACTIVE' })) } } : r;
      }),
  },
  {
    name: 'aws-iot/ascending-order-ignored',
    description: 'ListCertificates ignores isAscendingOrder=true and lists the newest first',
    rules: ['AWSIOT-LST-003'],
    module: (m) => wrapHandler<IotState>(m, 'ListCertificates', (next) => (input, state, ctx) => next({ ...input, query: { ...input.query, isAscendingOrder: false } }, state, ctx)),
  },
];
