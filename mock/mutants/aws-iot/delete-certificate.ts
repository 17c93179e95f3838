import type { IotState } from '../../providers/aws-iot/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

/** DeleteCertificate: the documented preconditions and answers, each broken once. */
export const deleteCertificate: Mutant[] = [
  {
    name: 'aws-iot/delete-active-allowed',
    description: 'DeleteCertificate deletes an ACTIVE certificate instead of answering CertificateStateException',
    rules: ['AWSIOT-DEL-001'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) => {
        const cert = state.certificates.get(String(input.path.certificateId));
        if (cert?.status === 'ACTIVE') cert.status = 'INACTIVE';
        return next(input, state, ctx);
      }),
  },
];
