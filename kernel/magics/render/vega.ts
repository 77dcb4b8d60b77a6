// Vega-Lite charts for the magics: the spec for front ends that render it, and an SVG of the same
// chart rendered here with vega, for nbconvert, the docs site and text-only front ends. Vega
// renders asynchronously while a magic runs synchronously in the engine's thread, so rendering
// happens in a helper thread that this one waits for.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';
/** A chart not rendered within this time is shown without its SVG fallback. */
const RENDER_TIMEOUT_MS = 30_000;

// The helper thread's code: ESM, loading vega and vega-lite from where this module resolves them.
const RENDERER_SOURCE = `
const { workerData } = await import('node:worker_threads');
const vega = await import(workerData.vega);
const vl = await import(workerData.vegaLite);
const { port, signal } = workerData;
port.on('message', async (spec) => {
  let reply;
  try {
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
    reply = { svg: await view.toSVG() };
    view.finalize();
  } catch (error) {
    reply = { error: String(error && error.message || error) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

interface Renderer {
  port: MessagePort;
  signal: Int32Array;
}

let renderer: Renderer | null = null;

function startRenderer(): Renderer {
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(RENDERER_SOURCE)}`), {
    workerData: { port: channel.port2, signal, vega: import.meta.resolve('vega'), vegaLite: import.meta.resolve('vega-lite') },
    transferList: [channel.port2],
  });
  worker.unref();
  channel.port1.unref();
  return { port: channel.port1, signal };
}

/** The chart as SVG text, rendered by vega from the compiled Vega-Lite spec. */
export function renderVegaLite(spec: object): string {
  renderer ??= startRenderer();
  Atomics.store(renderer.signal, 0, 0);
  renderer.port.postMessage(spec);
  if (Atomics.wait(renderer.signal, 0, 0, RENDER_TIMEOUT_MS) === 'timed-out') throw new Error('the chart renderer did not answer');
  const reply = receiveMessageOnPort(renderer.port)?.message as { svg?: string; error?: string } | undefined;
  if (!reply?.svg) throw new Error(`the chart could not be rendered: ${reply?.error ?? 'no reply'}`);
  return reply.svg;
}
