// The package's entry point (`import { defineConfig } from 'certconform'`): what a config file
// needs, nothing that starts a run. The commands are the `certconform` binary.
export { defineConfig, type CertconformConfig, type TargetConfig } from './cli/config/define.ts';
export type { Provider } from './lib/providers.ts';
