// %gc's numbers: the collector's generations, thresholds and counts, per-generation statistics,
// and a log of the collections this session ran (seen through the collector's callback hook,
// the point where gc.callbacks hear of them).
import type { GcCollection, GcReport } from '../api.js';
import { gcState, freezeCount, listSize, type CollectorHooks } from '../gc/collector.js';
import { generations } from '../gc/track.js';

const NUM_GENERATIONS = 3;
const LOG_LENGTH = 50;

const log: GcCollection[] = [];
const observed = new WeakSet<CollectorHooks>();

/** Starts a session's log; the hooks object is wrapped once, whichever session installed it. */
export function observeCollections(): void {
  log.length = 0;
  const hooks = gcState.hooks;
  if (!hooks || observed.has(hooks)) return;
  observed.add(hooks);
  const invoke = hooks.invokeCallbacks.bind(hooks);
  hooks.invokeCallbacks = (phase, generation, collected, uncollectable) => {
    if (phase === 'stop') {
      log.push({ generation, collected, uncollectable });
      if (log.length > LOG_LENGTH) log.shift();
    }
    invoke(phase, generation, collected, uncollectable);
  };
}

export function gcReport(): GcReport {
  const live = generations.slice(0, NUM_GENERATIONS);
  return {
    enabled: gcState.enabled,
    thresholds: live.map((g) => g.threshold),
    counts: live.map((g) => g.count),
    tracked: live.map((g) => listSize(g.head)),
    frozen: freezeCount(),
    debug: gcState.debug,
    stats: gcState.stats.map((s) => ({ ...s })),
    recent: [...log],
  };
}
