// Run by bench/long-run.ts as `node --expose-gc --import tsx bench/long-run/mock-child.ts`:
// the four providers of the built-in mock (as `certconform mock --port-base 0` starts them),
// answering the parent's IPC: 'sample' -> memory after a full GC, 'stop' -> close and exit.
import { startMock } from '../../cli/mock.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run me through bench/long-run.ts (needs --expose-gc and an IPC channel)');

const started = await startMock([], { engine: 'stateful', host: '127.0.0.1', portBase: '0' });
process.send({
  ready: started.map((s) => ({ provider: s.provider, url: s.url, credentials: s.credentials ?? {}, caFile: s.caFile, mqtt: s.mqtt })),
});
// The parent went away (killed, crashed): nothing is left to serve.
process.on('disconnect', () => process.exit(0));
process.on('message', async (m) => {
  if (m === 'sample') {
    gc();
    gc();
    const { rss, heapUsed, external } = process.memoryUsage();
    process.send!({ sample: { rss, heapUsed, external } });
  } else if (m === 'stop') {
    await Promise.all(started.map((s) => s.close()));
    process.exit(0);
  }
});
