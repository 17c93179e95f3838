import { at } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

// Spec mutants: the mock validates requests against a copy of specs/aws-iot.yaml with one
// constraint changed; the suite still reads the real spec.
const schema = (name: string) => `/components/schemas/${name}`;
const UPDATE_PARAMS = '/paths/~1certificates~1{certificateId}/put/parameters';

/** The documented request constraints, each loosened once (one per constraint class at least). */
export const constraints: Mutant[] = [
  {
    name: 'aws-iot/certificate-id-65-accepted',
    description: 'a certificateId of 65 characters passes validation (maxLength 64 off by one) and is looked up',
    rules: ['AWSIOT-DEL-013', 'AWSIOT-SPEC-002'],
    class: 'length',
    spec: (doc) => void (at(doc, schema('CertificateId')).maxLength = 65),
  },
  {
    name: 'aws-iot/certificate-id-63-accepted',
    description: 'a certificateId of 63 characters passes validation (minLength 64 off by one) and is looked up',
    rules: ['AWSIOT-DEL-013', 'AWSIOT-SPEC-002'],
    class: 'length',
    spec: (doc) => void (at(doc, schema('CertificateId')).minLength = 63),
  },
  {
    name: 'aws-iot/thing-name-129-accepted',
    description: 'a thing name of 129 characters passes validation (maxLength 128 off by one)',
    rules: ['AWSIOT-SPEC-002'],
    class: 'length',
    spec: (doc) => void (at(doc, schema('ThingName')).maxLength = 129),
  },
  {
    name: 'aws-iot/certificate-id-pattern-dropped',
    description: 'the certificateId pattern (0x)?[a-fA-F0-9]+ is not checked: 64 characters without a hex digit are looked up (404)',
    rules: ['AWSIOT-DEL-013', 'AWSIOT-SPEC-002'],
    class: 'pattern',
    spec: (doc) => void delete at(doc, schema('CertificateId')).pattern,
  },
  {
    name: 'aws-iot/policy-name-pattern-dropped',
    description: 'policy names are not checked against [\\w+=,.@-]+: any characters pass',
    rules: ['AWSIOT-SPEC-002'],
    class: 'pattern',
    spec: (doc) => void delete at(doc, schema('PolicyName')).pattern,
  },
  {
    name: 'aws-iot/status-enum-unchecked',
    description: 'certificate statuses are not checked against the enum: any status is registered or set',
    rules: ['AWSIOT-SPEC-002'],
    class: 'enum',
    spec: (doc) => void delete at(doc, schema('CertificateStatus')).enum,
  },
  {
    name: 'aws-iot/new-status-not-required',
    description: 'UpdateCertificate without newStatus passes validation instead of InvalidRequestException',
    rules: ['AWSIOT-SPEC-002'],
    class: 'required',
    spec: (doc) => {
      const params = at(doc, UPDATE_PARAMS) as { name: string; required?: boolean }[];
      params.find((p) => p.name === 'newStatus')!.required = false;
    },
  },
  {
    name: 'aws-iot/page-size-251-accepted',
    description: 'ListCertificates accepts pageSize 251 (maximum 250 off by one)',
    rules: ['AWSIOT-SPEC-002'],
    spec: (doc) => void (at(doc, '/components/parameters/PageSize/schema').maximum = 251),
  },
];
