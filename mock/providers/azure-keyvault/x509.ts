// @peculiar/x509 resolves its ASN.1 services through tsyringe, which needs the Reflect
// metadata API loaded before the library itself: every import of the library goes through here.
import 'reflect-metadata';

export * as x509 from '@peculiar/x509';
