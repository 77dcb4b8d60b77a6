// The engine worker: owns the EngineSession, runs one request at a time, reports output as events.
import { inspect } from 'node:util';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { EngineOptions, EngineSession } from '../../engine/api.js';
import { createMagicRegistry } from '../magics/index.js';
import { CellRunner } from './cell.js';
import { WorkerIO } from './io.js';
import type { WorkerEvent, WorkerReply, WorkerRequest, WorkerSettings } from './protocol.js';

interface EngineModule {
  createSession(options: EngineOptions): EngineSession;
}

// Resolved at run time so that the worker thread starts (and the kernel answers) while the engine loads.
const ENGINE_MODULE = '../../engine/index.js';

const port = parentPort!;
const { settings, inputPort } = workerData as { settings: WorkerSettings; inputPort: MessagePort };
const post = (event: WorkerEvent): void => port.postMessage(event);
const io = new WorkerIO(post, inputPort, settings.inputSignal);

function handle(runner: CellRunner, request: WorkerRequest): WorkerReply {
  switch (request.op) {
    case 'execute':
      return { op: 'execute', value: runner.execute(request.job) };
    case 'complete':
      return { op: 'complete', value: runner.complete(request.code, request.cursorPos) };
    case 'inspect':
      return { op: 'inspect', value: runner.session.inspect(request.code, request.cursorPos, request.detailLevel) };
    case 'isComplete':
      return { op: 'isComplete', value: runner.isComplete(request.code) };
  }
}

async function main(): Promise<void> {
  let runner: CellRunner;
  try {
    const engine = (await import(ENGINE_MODULE)) as EngineModule;
    const newSession = (python = settings.python): EngineSession => engine.createSession({
      python,
      argv: settings.argv,
      ...(settings.hashSeed === undefined ? {} : { hashSeed: settings.hashSeed }),
      interruptFlag: settings.interruptFlag,
      host: io,
    });
    runner = new CellRunner(newSession(), newSession, io, createMagicRegistry());
  } catch (error) {
    post({ kind: 'failed', message: (error as Error).message });
    return;
  }
  let version = runner.session.version;
  post({ kind: 'ready', version });
  port.on('message', (request: WorkerRequest) => {
    try {
      const reply = handle(runner, request);
      if (runner.session.version !== version) {
        version = runner.session.version;
        post({ kind: 'version', version });
      }
      post({ kind: 'reply', id: request.id, reply });
    } catch (error) {
      // A host exception escaping the engine is an engine bug; the kernel reports it in the cell.
      io.flush();
      post({ kind: 'crash', id: request.id, message: error instanceof Error ? error.stack ?? error.message : inspect(error, { depth: 2 }) });
    }
  });
}

void main();
