import { attachPolicy } from './attach-policy.ts';
import { attachThing } from './attach-thing.ts';
import { deleteCertificate } from './delete.ts';
import { describeCertificate } from './describe.ts';
import { detachPolicy } from './detach-policy.ts';
import { detachThing } from './detach-thing.ts';
import { listAttachments } from './list-attachments.ts';
import { reRegisterCertificate } from './re-register.ts';
import { registerCertificate } from './register.ts';
import { updateCertificate } from './update.ts';

/** The command arbitraries of the aws-iot model, one per operation (deletes weighted up). */
export const commands = [
  registerCertificate,
  reRegisterCertificate,
  updateCertificate,
  updateCertificate,
  attachPolicy,
  detachPolicy,
  attachThing,
  detachThing,
  deleteCertificate,
  deleteCertificate,
  deleteCertificate,
  describeCertificate,
  listAttachments,
];
