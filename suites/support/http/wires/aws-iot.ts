import { signAwsSigV4 } from '../../signing/aws-sigv4.ts';
import { jsonBody, restUrl, type Wire } from '../wire.ts';

/** REST/JSON signed with SigV4 (service `iot`), as @aws-sdk/client-iot sends it. */
export const awsIotWire: Wire = {
  encode(op, input, target) {
    const { body, headers } = jsonBody(input);
    return { method: op.method.toUpperCase(), url: restUrl(target.url, op, input), headers, body };
  },
  authorize(req, target) {
    const c = target.credentials;
    return signAwsSigV4(req, {
      region: c.region ?? 'us-east-1',
      credentials: { accessKeyId: c.accessKeyId ?? '', secretAccessKey: c.secretAccessKey ?? '', sessionToken: c.sessionToken },
    });
  },
  secrets: (t) => [t.credentials.secretAccessKey, t.credentials.sessionToken].filter((s): s is string => !!s),
};
