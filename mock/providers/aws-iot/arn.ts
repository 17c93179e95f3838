/** ARNs of the resources the mock keeps; partition `aws`, the region of the creating request. */
export interface Where {
  region: string;
  account: string;
}

const arn = (w: Where, resource: string) => `arn:aws:iot:${w.region}:${w.account}:${resource}`;

export const certificateArn = (w: Where, certificateId: string) => arn(w, `cert/${certificateId}`);
export const thingArn = (w: Where, thingName: string) => arn(w, `thing/${thingName}`);
export const policyArn = (w: Where, policyName: string) => arn(w, `policy/${policyName}`);
