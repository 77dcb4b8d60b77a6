// A real Jupyter Server (Debian's python3-jupyter-server) on 127.0.0.1 for the --server tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tempDir } from './notebooks.js';

export interface RunningServer {
  url: string;
  token: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startJupyterServer(): Promise<RunningServer> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const url = `http://127.0.0.1:${port}`;
  // ServerApp.token is what jupyter_server 1.x knows; 2.x still honours it.
  const child: ChildProcess = spawn('/usr/bin/python3', ['-m', 'jupyter_server', '--no-browser', '--ip=127.0.0.1', `--port=${port}`,
    `--ServerApp.token=${token}`, `--ServerApp.root_dir=${tempDir()}`, '--ServerApp.port_retries=0',
    ...(process.getuid?.() === 0 ? ['--allow-root'] : [])],
  { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, JUPYTER_RUNTIME_DIR: tempDir() } });
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => { log += text; });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const status = await fetch(`${url}/api/status?token=${token}`).then((response) => response.status, () => 0);
    if (status === 200) {
      return {
        url, token,
        stop: () => new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`jupyter_server did not come up on ${url}:\n${log}`);
}
