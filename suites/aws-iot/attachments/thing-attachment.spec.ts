import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import type { ApiClient } from '../../support/http/client.ts';

const thingsOf = async (api: ApiClient, arn: string) =>
  ((await api.call('ListPrincipalThings', { headers: { 'x-amzn-principal': arn } })).body as { things?: string[] })?.things ?? [];
const principalsOf = async (api: ApiClient, thing: string) =>
  ((await api.call('ListThingPrincipals', { path: { thingName: thing } })).body as { principals?: string[] })?.principals ?? [];

test('AttachThingPrincipal and DetachThingPrincipal show on both sides', rules(['AWSIOT-ATT-006']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  const thing = await sandbox.thing();
  const principal = { path: { thingName: thing }, headers: { 'x-amzn-principal': cert.arn } };
  check.outcome('AWSIOT-ATT-006', await api.call('AttachThingPrincipal', principal));
  let things = await thingsOf(api, cert.arn);
  check.that('AWSIOT-ATT-006', things.includes(thing), `things of the certificate: [${things.join(', ')}]`, `includes ${thing}`);
  let principals = await principalsOf(api, thing);
  check.that('AWSIOT-ATT-006', principals.includes(cert.arn), `principals of the thing: [${principals.join(', ')}]`, `includes ${cert.arn}`);
  check.outcome('AWSIOT-ATT-006', await api.call('DetachThingPrincipal', principal));
  things = await thingsOf(api, cert.arn);
  check.that('AWSIOT-ATT-006', !things.includes(thing), `things of the certificate: [${things.join(', ')}]`, `without ${thing}`);
  principals = await principalsOf(api, thing);
  check.that('AWSIOT-ATT-006', !principals.includes(cert.arn), `principals of the thing: [${principals.join(', ')}]`, `without ${cert.arn}`);
});

test('deleting a thing that does not exist succeeds', rules(['AWSIOT-ATT-007'], '@readonly'), async ({ api, check, sandbox }) => {
  const name = sandbox.name('never-created');
  check.outcome('AWSIOT-ATT-007', await api.call('DeleteThing', { path: { thingName: name } }, { label: 'delete unknown thing' }));
  const d = await api.call('DescribeThing', { path: { thingName: name } });
  check.that('AWSIOT-ATT-007', d.status === 404, `DescribeThing ${d.status}`, '404: still no such thing');
});
