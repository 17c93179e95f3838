/**
 * The region in an AWS IoT host name: `iot.<region>.amazonaws.com` (also `.com.cn`, `-fips`, and
 * the account's `<prefix>-ats.iot.<region>...`), or a VPC endpoint `vpce-...iot.<region>.vpce.amazonaws.com`.
 * A suffix after `amazonaws.com` (a local alias or proxy name) keeps the region it names.
 */
const IOT_HOST = /(?:^|[.-])iot(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?(?:\.|$)/;

export const regionFromHost = (host: string): string | undefined => IOT_HOST.exec(host.toLowerCase())?.[1];
