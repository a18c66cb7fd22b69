// `python3 -m http.server` on a free port of 127.0.0.1, for the browser tests: what a person
// serving the page or the package locally runs.
import { spawn } from 'node:child_process';

/** Serves `dir`; resolves to `{ url, stop }` once the server has said its port. */
export async function serve(dir) {
  const server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const port = await new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`no port: ${seen}`)), 15000);
      const look = (chunk) => {
        seen += chunk;
        const m = /port (\d+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      server.stdout.on('data', look);
      server.stderr.on('data', look);
    });
    return { url: `http://127.0.0.1:${port}`, stop: () => server.kill() };
  } catch (e) {
    server.kill();
    throw e;
  }
}
