// Loaded with NODE_OPTIONS="--import <this file>" (node 20 refuses --cpu-prof there): profiles
// every node process of a run (CLI, Playwright runner and workers, the mock) like --cpu-prof
// and writes <CERTCONFORM_CPU_PROF_DIR>/<pid>.cpuprofile when the process exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CERTCONFORM_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // The same-thread inspector session answers synchronously, so this works in 'exit'.
  process.once('exit', () =>
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    }),
  );
}
